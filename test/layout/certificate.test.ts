import { describe, expect, it } from 'vitest';
import { printCommand } from '../../source/commands/print.js';
import { runCommand } from '../cli/fake-io.js';

describe('the SSL certificate in the drawing', () => {
  it('is drawn where HTTPS ends: at haproxy-1 in design 2, at both HAProxies in design 3, nowhere in design 1', async () => {
    const drawn = async (design: string) => (await runCommand(printCommand, [design], { width: 100 })).out;
    expect(await drawn('2')).toContain('certificate www.foobar.com at haproxy-1');
    const three = await drawn('3');
    expect(three).toContain('certificate www.foobar.com at haproxy-1');
    expect(three).toContain('certificate www.foobar.com at haproxy-2');
    expect(await drawn('1')).not.toContain('certificate');
  });
});
