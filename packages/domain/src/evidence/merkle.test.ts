/**
 * The Merkle tree against the RFC 6962 test vectors, and properties over random trees. Vectors
 * copied from transparency-dev/merkle (Apache-2.0): testonly/constants.go (leaf inputs, roots by
 * size) and proof/verify_test.go (inclusion proofs).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  inclusionProof,
  leafHash,
  merkleRoot,
  rootOfLeafHashes,
  verifyInclusion,
} from './merkle.ts';
import { fromHex, sha256, toHex, utf8 } from './sha256.ts';

const LEAF_INPUTS = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map(fromHex);

/** Roots of the trees of the first n leaf inputs, n = 0..8. */
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

/** Inclusion proofs: leaf index (0-based), tree size, audit path. */
const PROOFS: [number, number, string[]][] = [
  [0, 1, []],
  [
    0,
    8,
    [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  ],
  [
    5,
    8,
    [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
  [2, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
  [
    1,
    5,
    [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  ],
];

describe('sha256', () => {
  // FIPS 180-2 appendix B; node:crypto agrees on random inputs (apps/api/src/evidence tests).
  it('gives the FIPS 180-2 digests', () => {
    const digest = (text: string) => toHex(sha256(utf8(text)));
    expect(digest('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(digest('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(digest('a'.repeat(1_000_000))).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
  });

  it('encodes UTF-8 as the standard says', () => {
    expect(toHex(utf8('Aé€😀'))).toBe('41c3a9e282acf09f9880');
  });
});

describe('RFC 6962 vectors', () => {
  it('gives the root of every prefix of the leaf inputs', () => {
    for (let n = 0; n <= 8; n++) {
      expect(toHex(merkleRoot(LEAF_INPUTS.slice(0, n))), `size ${n}`).toBe(ROOTS[n]);
    }
  });

  it('gives and verifies the published inclusion proofs', () => {
    for (const [index, size, path] of PROOFS) {
      const leaves = LEAF_INPUTS.slice(0, size).map(leafHash);
      expect(inclusionProof(leaves, index).map(toHex)).toEqual(path);
      const root = fromHex(ROOTS[size]!);
      expect(verifyInclusion(index, size, leaves[index]!, path.map(fromHex), root)).toBe(true);
    }
  });

  it('refuses a proof with a wrong index, size, leaf, root or path', () => {
    const [index, size, path] = PROOFS[2]!;
    const leaves = LEAF_INPUTS.slice(0, size).map(leafHash);
    const proof = path.map(fromHex);
    const root = fromHex(ROOTS[size]!);
    const leaf = leaves[index]!;
    expect(verifyInclusion(index - 1, size, leaf, proof, root)).toBe(false);
    expect(verifyInclusion(index + 1, size, leaf, proof, root)).toBe(false);
    expect(verifyInclusion(index, size * 2, leaf, proof, root)).toBe(false);
    expect(verifyInclusion(index, size / 2, leaf, proof, root)).toBe(false);
    expect(verifyInclusion(index, size, leaves[0]!, proof, root)).toBe(false);
    expect(verifyInclusion(index, size, leaf, proof, fromHex(ROOTS[0]!))).toBe(false);
    expect(verifyInclusion(index, size, leaf, proof.slice(0, -1), root)).toBe(false);
    expect(verifyInclusion(index, size, leaf, [...proof, root], root)).toBe(false);
    const flipped = proof.map((p) => p.slice());
    flipped[1]![0]! ^= 8;
    expect(verifyInclusion(index, size, leaf, flipped, root)).toBe(false);
  });
});

const trees = fc.array(fc.uint8Array({ maxLength: 12 }), { minLength: 1, maxLength: 40 });

describe('properties', () => {
  it("verifies every leaf's proof", () => {
    fc.assert(
      fc.property(trees, (data) => {
        const leaves = data.map(leafHash);
        const root = rootOfLeafHashes(leaves);
        leaves.forEach((leaf, i) => {
          expect(verifyInclusion(i, leaves.length, leaf, inclusionProof(leaves, i), root)).toBe(
            true,
          );
        });
      }),
    );
  });

  it('changes the root when a leaf is changed, added or removed', () => {
    fc.assert(
      fc.property(trees, fc.nat(), fc.uint8Array({ maxLength: 12 }), (data, at, other) => {
        const root = toHex(merkleRoot(data));
        const i = at % data.length;
        if (toHex(data[i]!) !== toHex(other)) {
          const changed = data.map((d, j) => (j === i ? other : d));
          expect(toHex(merkleRoot(changed))).not.toBe(root);
        }
        expect(toHex(merkleRoot([...data.slice(0, i), other, ...data.slice(i)]))).not.toBe(root);
        expect(toHex(merkleRoot(data.filter((_, j) => j !== i)))).not.toBe(root);
      }),
    );
  });
});
