import fs from 'node:fs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installEmbeddedFs } from '../../scripts/binary/embedded-fs';

/*
 * The read-only overlay the binary lays over node:fs: embedded files under the virtual root,
 * ENOENT for anything else under it (never the disk), the real file system everywhere else.
 */

const ROOT = '/__chatterroom_binary_test__';
const base64 = (text: string) => Buffer.from(text).toString('base64');

describe('installEmbeddedFs', () => {
  let uninstall: () => void;
  let realDir: string;

  beforeEach(() => {
    realDir = mkdtempSync(join(tmpdir(), 'embedded-fs-'));
    writeFileSync(join(realDir, 'real.txt'), 'on disk');
    uninstall = installEmbeddedFs(ROOT, { 'proto/users.proto': base64('syntax = "proto3";'), 'static/page.html': base64('0123456789') });
  });

  afterEach(() => {
    uninstall();
    rmSync(realDir, { recursive: true, force: true });
  });

  it('reads embedded files synchronously, with callbacks and with promises, as text or bytes', async () => {
    expect(fs.readFileSync(`${ROOT}/proto/users.proto`, 'utf8')).toBe('syntax = "proto3";');
    expect(fs.readFileSync(`${ROOT}/node_modules/../proto/users.proto`)).toEqual(Buffer.from('syntax = "proto3";'));
    await expect(fs.promises.readFile(`${ROOT}/static/page.html`, 'utf8')).resolves.toBe('0123456789');
    const viaCallback = await new Promise<string>((resolve, reject) =>
      fs.readFile(`${ROOT}/static/page.html`, 'utf8', (error, text) => (error ? reject(error) : resolve(text))),
    );
    expect(viaCallback).toBe('0123456789');
  });

  it('knows its folders and files: exists, access, stat', async () => {
    expect(fs.existsSync(`${ROOT}/proto`)).toBe(true);
    expect(fs.existsSync(`${ROOT}/proto/chat.proto`)).toBe(false);
    expect(() => fs.accessSync(`${ROOT}/proto/users.proto`, fs.constants.R_OK)).not.toThrow();
    expect(() => fs.accessSync(`${ROOT}/proto/users.proto`, fs.constants.W_OK)).toThrow(expect.objectContaining({ code: 'EROFS' }));
    expect(fs.statSync(`${ROOT}/static`).isDirectory()).toBe(true);
    expect(fs.statSync(`${ROOT}/static/page.html`)).toEqual(expect.objectContaining({ size: 10 }));
    expect(fs.statSync(`${ROOT}/missing`, { throwIfNoEntry: false })).toBeUndefined();
    const stats = await new Promise<fs.Stats>((resolve, reject) => fs.stat(`${ROOT}/static/page.html`, (error, value) => (error ? reject(error) : resolve(value))));
    expect(stats.isFile()).toBe(true);
  });

  it('streams a byte range of an embedded file, as @fastify/send asks for one', async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of fs.createReadStream(`${ROOT}/static/page.html`, { start: 2, end: 5 })) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('2345');
  });

  it('answers ENOENT for a path under the root that is not embedded, without looking at the disk', async () => {
    expect(() => fs.readFileSync(`${ROOT}/proto/chat.proto`)).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(() => fs.statSync(`${ROOT}/nothing`)).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    await expect(fs.promises.readFile(`${ROOT}/nothing`)).rejects.toEqual(expect.objectContaining({ code: 'ENOENT' }));
  });

  it('leaves every other path to the real file system, and puts node:fs back when uninstalled', () => {
    expect(fs.readFileSync(join(realDir, 'real.txt'), 'utf8')).toBe('on disk');
    expect(fs.existsSync(join(realDir, 'real.txt'))).toBe(true);
    uninstall();
    expect(fs.existsSync(`${ROOT}/proto/users.proto`)).toBe(false);
    uninstall = () => {};
  });
});
