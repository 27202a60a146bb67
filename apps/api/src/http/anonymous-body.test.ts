/**
 * Callers who are not signed in (login, tablet enrollment, a citizen's verdict) need a few hundred
 * bytes; their bodies are bounded far below the general limit, and refused before they are parsed.
 * On a route that needs a session, their body is not read at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../../test/support/databases.ts';
import { ORIGIN, Session } from '../../../../test/support/api-client.ts';
import { feedback, sync } from '../../../../test/support/devices.ts';
import { feedbackWorld, type FeedbackWorld } from '../../test/fixtures/feedback-fixture.ts';
import { ANONYMOUS_MAX_BODY_BYTES } from './body-limits.ts';
import { DRAIN_LIMIT_BYTES } from './unread-body.ts';

const padding = (bytes: number) => 'x'.repeat(bytes);

describe.each(dialects)('bodies from callers not signed in on %s', (dialect) => {
  let w: FeedbackWorld;
  beforeAll(async () => {
    w = await feedbackWorld(dialect);
  });
  afterAll(() => w?.database.close());

  it.each([
    ['/api/v1/auth/login', { username: 'admin', password: 'p', pad: '' }],
    ['/api/v1/devices/enroll', { code: 'ABCD-EFGH', pad: '' }],
    ['/api/v1/public/feedback/ZZZZ-0000/verdict', { accepted: false, reason: '' }],
  ])('refuses a body over the small limit on %s with 413', async (path, body) => {
    const anonymous = new Session(w.app);
    const raw = JSON.stringify({ ...body, pad: padding(ANONYMOUS_MAX_BODY_BYTES) });
    const res = await anonymous.send('POST', path, { raw });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
  });

  it('refuses a staff route’s body without reading any of it', async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled += 1;
          controller.enqueue(new TextEncoder().encode(padding(4096)));
        },
      },
      { highWaterMark: 0 },
    );
    const res = await w.app.request(`${ORIGIN}/api/v1/users`, {
      method: 'POST',
      headers: { origin: ORIGIN, host: 'hailong.test', 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(401);
    // At most the settling read of an unanswered body (unread-body.ts), then the connection closes.
    expect(pulled * 4096).toBeLessThanOrEqual(DRAIN_LIMIT_BYTES + 4096);
  });

  it('stops a streamed body without a length once it passes the limit', async () => {
    let sent = 0;
    const chunk = new TextEncoder().encode(padding(4096));
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Far more than the limit if nobody stopped reading: 4 MiB.
        if (sent >= 1024) return controller.close();
        sent += 1;
        controller.enqueue(chunk);
      },
    });
    const res = await w.app.request(`${ORIGIN}/api/v1/auth/login`, {
      method: 'POST',
      headers: { origin: ORIGIN, host: 'hailong.test', 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(sent * chunk.length).toBeLessThan(1024 * 1024);
  });

  it('keeps the general limit for signed-in staff and enrolled tablets', async () => {
    const big = padding(ANONYMOUS_MAX_BODY_BYTES * 4);
    const note = await w.admin.send('PUT', '/api/v1/feedback/settings', {
      raw: JSON.stringify({ answerDays: 10, retentionMonths: 12, note: big }),
    });
    expect(note.status).toBe(200);
    const record = feedback(w.device, 1, { content: 'Nội dung dài. '.repeat(300) });
    const res = await sync(new Session(w.app), w.device, [record, { pad: big }]);
    expect(res.status).toBe(200);
    expect((await res.json()).results[0].status).toBe('accepted');
  });
});
