/**
 * Merkle tree hashing of RFC 6962 §2.1 / RFC 9162 §2.1 (Certificate Transparency): a leaf is
 * SHA-256(0x00 || data), an inner node SHA-256(0x01 || left || right), and a list of n > 1 leaves
 * splits at the largest power of two below n. The 0x00/0x01 prefixes keep a leaf from passing for
 * a node (second preimages). Inclusion proofs and their check follow RFC 9162 §2.1.3.
 */
import { sha256 } from './sha256.ts';

/** The hash of a leaf: SHA-256(0x00 || data). */
export function leafHash(data: Uint8Array): Uint8Array {
  const input = new Uint8Array(data.length + 1);
  input.set(data, 1);
  return sha256(input);
}

/** The hash of an inner node: SHA-256(0x01 || left || right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  const input = new Uint8Array(1 + left.length + right.length);
  input[0] = 1;
  input.set(left, 1);
  input.set(right, 1 + left.length);
  return sha256(input);
}

/** The largest power of two strictly below `n` (n > 1). */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH over leaf hashes [from, to). */
function subtreeHash(leaves: readonly Uint8Array[], from: number, to: number): Uint8Array {
  const n = to - from;
  if (n === 1) return leaves[from]!;
  const k = split(n);
  return nodeHash(subtreeHash(leaves, from, from + k), subtreeHash(leaves, from + k, to));
}

/** The root (MTH) of a tree of leaf hashes; of no leaves, SHA-256 of nothing. */
export function rootOfLeafHashes(leaves: readonly Uint8Array[]): Uint8Array {
  return leaves.length === 0 ? sha256(new Uint8Array(0)) : subtreeHash(leaves, 0, leaves.length);
}

/** The root (MTH) of a tree over the leaves' data. */
export function merkleRoot(data: readonly Uint8Array[]): Uint8Array {
  return rootOfLeafHashes(data.map(leafHash));
}

/** The audit path of leaf `index` (PATH(m, D[n])), nearest the leaf first. */
export function inclusionProof(leaves: readonly Uint8Array[], index: number): Uint8Array[] {
  if (!Number.isInteger(index) || index < 0 || index >= leaves.length) {
    throw new RangeError(`no leaf ${index} in a tree of ${leaves.length}`);
  }
  const path: Uint8Array[] = [];
  let from = 0;
  let to = leaves.length;
  let m = index;
  // Down from the root: record each sibling subtree, then reverse so the leaf's comes first.
  while (to - from > 1) {
    const k = split(to - from);
    if (m < k) {
      path.push(subtreeHash(leaves, from + k, to));
      to = from + k;
    } else {
      path.push(subtreeHash(leaves, from, from + k));
      from += k;
      m -= k;
    }
  }
  return path.reverse();
}

/**
 * The root that leaf `index` of a tree of `size` with hash `leaf` and audit path `proof` implies
 * (RFC 9162 §2.1.3.2), or null when the path cannot belong to such a leaf.
 */
export function rootFromInclusionProof(
  index: number,
  size: number,
  leaf: Uint8Array,
  proof: readonly Uint8Array[],
): Uint8Array | null {
  if (!Number.isInteger(index) || !Number.isInteger(size) || index < 0 || index >= size) {
    return null;
  }
  if (leaf.length !== 32 || proof.some((p) => p.length !== 32)) return null;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
}

/** Whether `proof` shows leaf hash `leaf` at `index` of the tree of `size` with `root`. */
export function verifyInclusion(
  index: number,
  size: number,
  leaf: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  const got = rootFromInclusionProof(index, size, leaf, proof);
  return got !== null && sameBytes(got, root);
}

/** Byte-wise equality. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
