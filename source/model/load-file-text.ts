import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { TopologyError } from './errors.js';
import { maxFileBytes } from './limits.js';
import { inert } from './plain-text.js';

/** Why a path that exists is not something to read as a file, by what it is; first match wins. */
const notRegular: readonly (readonly [(s: Stats) => boolean, string])[] = [
  [(s) => s.isDirectory(), 'it is a folder, not a file'],
  [(s) => s.isFIFO(), 'it is a named pipe (FIFO), not a regular file'],
  [(s) => s.isSocket(), 'it is a socket, not a regular file'],
  [(s) => s.isCharacterDevice(), 'it is a character device, not a regular file'],
  [(s) => s.isBlockDevice(), 'it is a block device, not a regular file'],
  [(s) => !s.isFile(), 'it is not a regular file'],
];

/** What the system's error codes mean for someone who typed a path. */
const reasons: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  ELOOP: 'too many symbolic links (a loop?)',
  ENAMETOOLONG: 'the name is too long',
  ENXIO: 'it is a socket or a device with nothing behind it, not a regular file',
  EIO: 'the device reported an input/output error',
};

const refusal = (shown: string, reason: string) => new TopologyError([inert(`${shown}: cannot read the file: ${reason}`)]);

function unreadable(shown: string, error: unknown): TopologyError {
  if (error instanceof TopologyError) return error;
  const code = (error as { code?: string }).code ?? '';
  return refusal(shown, reasons[code] ?? (error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error)));
}

const tooLarge = (shown: string, bytes: number, atLeast: boolean) => {
  const mb = (Math.ceil((bytes / maxFileBytes) * 10) / 10).toFixed(1);
  return new TopologyError([inert(`${shown}:1:1: file is ${atLeast ? 'over ' : ''}${mb} MB; topology files are limited to 1 MB`)]);
};

/** Refuses what is not a regular file, or one larger than a topology may be. */
function check(stat: Stats, shown: string): void {
  const reason = notRegular.find(([is]) => is(stat))?.[1];
  if (reason) throw refusal(shown, reason);
  if (stat.size > maxFileBytes) throw tooLarge(shown, stat.size, false);
}

/** Reads at most `limit` + 1 bytes: a file whose size was misreported still cannot make it read more. */
function readAtMost(fd: number, limit: number): Buffer {
  const buffer = Buffer.alloc(limit + 1);
  let length = 0;
  for (;;) {
    const n = readSync(fd, buffer, length, buffer.length - length, null);
    if (n === 0) break;
    length += n;
    if (length === buffer.length) break;
  }
  return buffer.subarray(0, length);
}

/**
 * The bytes of the regular file at `path`, or a `TopologyError` of one line (`shown` is the path
 * as the user typed it). Only a regular file of at most `maxFileBytes` is read: a folder, a FIFO,
 * a socket or a device is refused from its status before it is opened, and it is opened without
 * blocking and checked again, so a FIFO swapped in meanwhile cannot hang the open, and nothing
 * (not even a file that grows while it is read) makes this read more than the limit.
 */
export function loadFileText(path: string, shown: string): Buffer {
  let fd: number | undefined;
  try {
    check(statSync(path), shown);
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
    check(fstatSync(fd), shown);
    const bytes = readAtMost(fd, maxFileBytes);
    if (bytes.length > maxFileBytes) throw tooLarge(shown, bytes.length, true);
    return bytes;
  } catch (error) {
    throw unreadable(shown, error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
