/**
 * Language packs through the API on both dialects (issue 27): anyone reads the packs the screens
 * offer; an admin uploads a pack, checked against the Vietnamese reference (its problems listed in
 * Vietnamese), and clips — refused unless their type, name and first bytes say audio, and at most
 * 2 MB. A pack is served with only the clips that exist, its version changing with any upload.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LanguagePack, LanguagePackList, type LanguagePackProblem } from '@hailong/contracts';
import { VIETNAMESE_PACK } from '@hailong/domain/built-in-packs';
import { dialects } from '../../../../test/support/databases.ts';
import { Session } from '../../../../test/support/api-client.ts';
import {
  placeholderClips,
  testPack,
  TEST_PACK_MARKER,
} from '../../../../test/support/language-pack-fixture.ts';
import { scopeWorld, type ScopeWorld } from '../../test/fixtures/scope-fixture.ts';

const KEY = 'kiosk.rate.question';

describe.each(dialects)('language packs on %s', (dialect) => {
  let w: ScopeWorld;
  let citizen: Session;
  let dir: string;
  let wav: Uint8Array;

  beforeAll(async () => {
    w = await scopeWorld(dialect);
    citizen = new Session(w.app);
    dir = await mkdtemp(join(tmpdir(), 'clips-'));
    const clips = await placeholderClips(dir, [KEY]);
    wav = new Uint8Array(await readFile(join(dir, clips[KEY]!)));
  });
  afterAll(async () => {
    await w?.database.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const putClip = (s: Session, language: string, file: string, raw: Uint8Array, type: string) =>
    s.send('PUT', `/api/v1/language-packs/${language}/clips/${file}`, {
      raw,
      headers: { 'content-type': type },
    });

  it('lists the built-in Vietnamese and English packs to anyone', async () => {
    const res = await citizen.get('/api/v1/language-packs');
    expect(res.status).toBe(200);
    const { items } = LanguagePackList.parse(await res.json());
    expect(items.map((p) => [p.language, p.name, p.builtIn, p.clipCount])).toEqual([
      ['vi', 'Tiếng Việt', true, 0],
      ['en', 'English', true, 0],
    ]);
    const vi = await citizen.get('/api/v1/language-packs/vi');
    expect(vi.headers.get('cache-control')).toBe('no-cache');
    expect(LanguagePack.parse(await vi.json()).texts[KEY]).toBe(VIETNAMESE_PACK.texts[KEY]);
  });

  it('takes a full pack from an admin only, and serves it with an ETag', async () => {
    const pack = testPack('km', { [KEY]: 'cau-hoi.wav', 'scale.five.5': 'rat-hai-long.wav' });
    const path = '/api/v1/language-packs/km';
    expect((await citizen.send('PUT', path, { body: pack })).status).toBe(401);
    expect((await w.supA.send('PUT', path, { body: pack })).status).toBe(403);
    const res = await w.admin.send('PUT', path, { body: pack });
    expect(res.status).toBe(200);
    // Its clips are not uploaded yet: accepted, counted as none, served as none.
    expect(await res.json()).toMatchObject({
      language: 'km',
      name: 'ភាសាខ្មែរ',
      nameVi: 'Tiếng Khmer',
      builtIn: false,
      clipCount: 0,
    });
    const read = await citizen.get(path);
    expect(read.status).toBe(200);
    const served = LanguagePack.parse(await read.json());
    expect(served.texts[KEY]).toBe(`${TEST_PACK_MARKER}${VIETNAMESE_PACK.texts[KEY]}`);
    expect(served.clips).toEqual({});
    const etag = read.headers.get('etag')!;
    const again = await citizen.get(path, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    const audit = await w.database.repos.audit.list({ entityType: 'language_pack', limit: 5 });
    expect(audit.map((e) => e.action)).toEqual(['language_pack.put']);
  });

  it('lists every problem of a broken pack in Vietnamese and keeps nothing', async () => {
    const good = testPack('hnj');
    const texts: Record<string, unknown> = { ...good.texts, 'kiosk.nope': 'x' };
    delete texts['kiosk.rate.levels'];
    texts['kiosk.thanks.title'] = '<b>Cảm ơn</b>';
    texts['kiosk.rate.sector'] = 'Lĩnh vực';
    const broken = { ...good, texts, clips: { 'kiosk.khong-co': 'a.mp3' } };
    const res = await w.admin.send('PUT', '/api/v1/language-packs/hnj', { body: broken });
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.code).toBe('invalid_language_pack');
    const problems = error.details.problems as LanguagePackProblem[];
    expect(problems.map((p) => `${p.code} ${p.key}`).sort()).toEqual([
      'markup kiosk.thanks.title',
      'missing_text kiosk.rate.levels',
      'placeholders kiosk.rate.sector',
      'unknown_clip_key kiosk.khong-co',
      'unknown_text kiosk.nope',
    ]);
    expect(problems.every((p) => p.message.includes(p.key))).toBe(true);
    expect((await citizen.get('/api/v1/language-packs/hnj')).status).toBe(404);
    // A pack not in the shape at all is a validation failure; vi and en keep their texts.
    const shapeless = await w.admin.send('PUT', '/api/v1/language-packs/hnj', { body: {} });
    expect(shapeless.status).toBe(422);
    const vi = await w.admin.send('PUT', '/api/v1/language-packs/vi', {
      body: { ...testPack('vi') },
    });
    expect(vi.status).toBe(409);
    expect((await vi.json()).error.code).toBe('built_in_pack');
  });

  it('keeps a clip, serves it with its type, and the pack names it from then on', async () => {
    const before = await citizen.get('/api/v1/language-packs/km');
    expect((await putClip(w.supA, 'km', 'cau-hoi.wav', wav, 'audio/wav')).status).toBe(403);
    const res = await putClip(w.admin, 'km', 'cau-hoi.wav', wav, 'audio/wav');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ file: 'cau-hoi.wav', bytes: wav.length });
    const clip = await citizen.get('/api/v1/language-packs/km/clips/cau-hoi.wav');
    expect(clip.status).toBe(200);
    expect(clip.headers.get('content-type')).toBe('audio/wav');
    expect(new Uint8Array(await clip.arrayBuffer())).toEqual(wav);
    const after = await citizen.get('/api/v1/language-packs/km');
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect(LanguagePack.parse(await after.json()).clips).toEqual({ [KEY]: 'cau-hoi.wav' });
    const list = LanguagePackList.parse(await (await citizen.get('/api/v1/language-packs')).json());
    expect(list.items.find((p) => p.language === 'km')?.clipCount).toBe(1);
    expect((await citizen.get('/api/v1/language-packs/km/clips/khac.wav')).status).toBe(404);
    const audit = await w.database.repos.audit.list({ entityType: 'language_pack', limit: 5 });
    expect(audit.find((e) => e.action === 'language_clip.put')).toMatchObject({
      entityId: 'km',
      details: { file: 'cau-hoi.wav', bytes: wav.length },
    });
  });

  it('reads a built-in pack’s clips by their key’s name', async () => {
    const res = await putClip(w.admin, 'vi', `${KEY}.wav`, wav, 'audio/x-wav');
    expect(res.status).toBe(200);
    const vi = LanguagePack.parse(await (await citizen.get('/api/v1/language-packs/vi')).json());
    expect(vi.clips).toEqual({ [KEY]: `${KEY}.wav` });
  });

  it('refuses a clip that is not audio, not the type it says, or too large', async () => {
    const refusal = async (file: string, raw: Uint8Array, type: string) => {
      const res = await putClip(w.admin, 'km', file, raw, type);
      return [res.status, (await res.json()).error.code];
    };
    const id3 = new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0]);
    expect(await refusal('a.mp3', id3, 'image/png')).toEqual([415, 'unsupported_audio']);
    expect(await refusal('a.mp3', wav, 'audio/mpeg')).toEqual([422, 'unsupported_audio']);
    expect(await refusal('a.wav', wav, 'audio/mpeg')).toEqual([422, 'unsupported_audio']);
    const html = new TextEncoder().encode('<script>alert(1)</script>');
    expect(await refusal('a.ogg', html, 'audio/ogg')).toEqual([422, 'unsupported_audio']);
    expect(await refusal('../a.mp3', id3, 'audio/mpeg')).toEqual([404, 'not_found']);
    expect(await refusal('A B.mp3', id3, 'audio/mpeg')).toEqual([422, 'validation_failed']);
    const big = new Uint8Array(2 * 1024 * 1024 + 1);
    big.set(id3);
    expect(await refusal('big.mp3', big, 'audio/mpeg')).toEqual([413, 'payload_too_large']);
    // A well-formed MP3 frame header is taken; so is an Ogg and an M4A.
    const frame = new Uint8Array([0xff, 0xfb, 0x90, 0x64, 0, 0]);
    expect((await putClip(w.admin, 'km', 'b.mp3', frame, 'audio/mpeg')).status).toBe(200);
    const ogg = new TextEncoder().encode('OggS\0\u0002rest');
    expect((await putClip(w.admin, 'km', 'c.opus', ogg, 'audio/ogg')).status).toBe(200);
    const m4a = new Uint8Array([0, 0, 0, 0x18, ...new TextEncoder().encode('ftypM4A ')]);
    expect((await putClip(w.admin, 'km', 'd.m4a', m4a, 'audio/mp4')).status).toBe(200);
    // For a language nobody uploaded, there is no pack to add a clip to.
    expect((await putClip(w.admin, 'th', 'a.wav', wav, 'audio/wav')).status).toBe(404);
  });

  it('reads /public in the uploaded pack, offered by its own name', async () => {
    const res = await citizen.get('/public?lang=km');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="km"');
    expect(html).toContain(`${TEST_PACK_MARKER}${VIETNAMESE_PACK.texts['public.title'] as string}`);
    // The Vietnamese page offers it by its name in its own script.
    const vi = await (await citizen.get('/public')).text();
    expect(vi).toMatch(/<a\s[^>]*lang="km"[^>]*>\s*ភាសាខ្មែរ/);
  });

  it('removes an uploaded pack with its clips, never a built-in one', async () => {
    expect((await w.admin.send('DELETE', '/api/v1/language-packs/vi')).status).toBe(409);
    expect((await w.supA.send('DELETE', '/api/v1/language-packs/km')).status).toBe(403);
    expect((await w.admin.send('DELETE', '/api/v1/language-packs/km')).status).toBe(204);
    expect((await citizen.get('/api/v1/language-packs/km')).status).toBe(404);
    expect((await citizen.get('/api/v1/language-packs/km/clips/cau-hoi.wav')).status).toBe(404);
    expect((await w.admin.send('DELETE', '/api/v1/language-packs/km')).status).toBe(404);
    // A link kept from before reads /public in Vietnamese again.
    const html = await (await citizen.get('/public?lang=km')).text();
    expect(html).toContain('<html lang="vi"');
    expect(html).not.toContain(TEST_PACK_MARKER);
  });
});
