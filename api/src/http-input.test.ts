import { describe, expect, it } from 'vitest';
import { readJsonBody } from './http-input';

const MAX = 64;

function post(body: BodyInit | null, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  return new Request('http://portal.test/api/forms/question', {
    method: 'POST',
    body,
    headers,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
}

function streamOf(...chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

async function expectError(result: Awaited<ReturnType<typeof readJsonBody>>, status: number) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.response.status).toBe(status);
  expect(result.response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  const body = (await result.response.json()) as { message: string };
  expect(body.message).toMatch(/[а-яё]/i);
}

describe('readJsonBody', () => {
  it('returns the parsed value of a valid JSON body', async () => {
    const result = await readJsonBody(post('{"name":"Анна","n":1}'), { maxBytes: MAX });
    expect(result).toEqual({ ok: true, value: { name: 'Анна', n: 1 } });
  });

  it('accepts a content type with an utf-8 charset parameter in any case', async () => {
    const result = await readJsonBody(post('[1]', { 'content-type': 'Application/JSON; Charset="UTF-8"' }), {
      maxBytes: MAX,
    });
    expect(result).toEqual({ ok: true, value: [1] });
  });

  it('answers 415 when the content type is not JSON', async () => {
    await expectError(await readJsonBody(post('a=1', { 'content-type': 'application/x-www-form-urlencoded' }), { maxBytes: MAX }), 415);
  });

  it('answers 415 when the content type is missing', async () => {
    await expectError(await readJsonBody(post(new Uint8Array([0x7b, 0x7d]), {}), { maxBytes: MAX }), 415);
  });

  it('answers 415 for a charset other than utf-8', async () => {
    await expectError(await readJsonBody(post('{}', { 'content-type': 'application/json; charset=windows-1251' }), { maxBytes: MAX }), 415);
  });

  it('answers 413 from the Content-Length header without waiting for the body', async () => {
    const never = new ReadableStream<Uint8Array>({ pull: () => new Promise(() => undefined) });
    const result = await readJsonBody(post(never, { 'content-type': 'application/json', 'content-length': String(MAX + 1) }), {
      maxBytes: MAX,
    });
    await expectError(result, 413);
  });

  it('answers 413 when the streamed body exceeds the limit even though the header claims less', async () => {
    const chunk = new TextEncoder().encode(`"${'я'.repeat(20)}"`); // 42 bytes
    const result = await readJsonBody(
      post(streamOf(chunk, chunk), { 'content-type': 'application/json', 'content-length': '10' }),
      { maxBytes: MAX },
    );
    await expectError(result, 413);
  });

  it('answers 413 for a chunked body without Content-Length that exceeds the limit', async () => {
    const chunk = new Uint8Array(40).fill(0x20);
    await expectError(await readJsonBody(post(streamOf(chunk, chunk)), { maxBytes: MAX }), 413);
  });

  it('accepts a body of exactly the limit', async () => {
    const text = `"${'a'.repeat(MAX - 2)}"`;
    const result = await readJsonBody(post(text), { maxBytes: MAX });
    expect(result).toEqual({ ok: true, value: 'a'.repeat(MAX - 2) });
  });

  it('answers 400 for malformed JSON', async () => {
    await expectError(await readJsonBody(post('{"name":'), { maxBytes: MAX }), 400);
  });

  it('answers 400 for an empty body', async () => {
    await expectError(await readJsonBody(post(''), { maxBytes: MAX }), 400);
  });

  it('answers 400 for invalid UTF-8 instead of replacing the bytes', async () => {
    const bytes = new Uint8Array([0x22, 0xd0, 0x22]); // a lone lead byte inside a JSON string
    await expectError(await readJsonBody(post(bytes), { maxBytes: MAX }), 400);
  });

  it('answers 400 for a non-numeric Content-Length', async () => {
    await expectError(await readJsonBody(post('{}', { 'content-type': 'application/json', 'content-length': 'abc' }), { maxBytes: MAX }), 400);
  });
});
