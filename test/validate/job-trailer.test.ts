import { describe, expect, it } from 'vitest';
import { jobOfMessage, withJobTrailer } from '../../backend/model/job-trailer.ts';

describe('jobOfMessage', () => {
  it('reads the trailer withJobTrailer writes, for each job', () => {
    expect(jobOfMessage(withJobTrailer('cinder: Acme passes on Rocky', 'update'))).toBe('update');
    expect(jobOfMessage(withJobTrailer('sync: cinder (1 change)\n\nDetails.', 'sync'))).toBe('sync');
    expect(jobOfMessage('Subject\n\nBody\n\nSigned-off-by: A <a@example.org>\nDriverLog-Job: sync')).toBe(
      'sync',
    );
  });

  it.each([
    ['no trailer', 'Add Acme docs\n'],
    ['a trailer in the body, not the last paragraph', 'Add docs\n\nDriverLog-Job: update\n\nMore text.\n'],
    ['a trailer in the subject', 'DriverLog-Job: update'.replace('D', 'Fix: D')],
    ['a trailer behind a carriage return', 'Add docs\r\rDriverLog-Job: update\r'],
    ['a trailer after CRLF line ends', 'Add docs\r\n\r\nDriverLog-Job: update\r\n'],
    ['a trailer behind U+2028', 'Add docs\u2028\u2028DriverLog-Job: sync'],
    ['a trailer behind U+2029', 'Add docs\u2029DriverLog-Job: sync'],
    ['a carriage return anywhere', 'Add\rdocs\n\nDriverLog-Job: sync\n'],
    ['both jobs at once', 'x\n\nDriverLog-Job: sync\nDriverLog-Job: update\n'],
    ['an indented trailer', 'x\n\n  DriverLog-Job: sync\n'],
    ['another job', 'x\n\nDriverLog-Job: format\n'],
  ])('finds no job in %s', (_what, message) => {
    expect(jobOfMessage(message)).toBeUndefined();
  });

  it('writes a trailer its reader finds even when the message quotes a stray line break', () => {
    const message = withJobTrailer('sync: cinder: "Acme\u2028Driver" added\r', 'sync');
    expect(message).toBe('sync: cinder: "Acme Driver" added\n\nDriverLog-Job: sync\n');
    expect(jobOfMessage(message)).toBe('sync');
  });
});
