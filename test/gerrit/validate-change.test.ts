import { describe, expect, it } from 'vitest';
import { changeProblem } from '../../backend/gerrit/validate-change.ts';

const ID = 'I0123456789abcdef0123456789abcdef01234567';
const sound = () => ({
  id: 'openstack%2Fcinder~912345',
  _number: 912345,
  project: 'openstack/cinder',
  branch: 'stable/2024.1',
  change_id: 'I0123456789abcdef0123456789abcdef01234567',
  status: 'MERGED',
  updated: '2024-05-01 10:00:00.000000000',
  current_revision_number: 2,
  messages: [
    {
      id: 'm1',
      author: { _account_id: 10, username: 'acme-ci' },
      date: '2024-05-01 09:00:00.000000000',
      message: 'Patch Set 2:\n\nBuild succeeded.',
      _revision_number: 2,
    },
    { id: 'm2', date: '2024-05-01 10:00:00.000000000', message: 'Change has been successfully merged' },
  ],
});

const problem = (change: unknown) => changeProblem(change, 'change #3 of page 1');

describe('changeProblem', () => {
  it('accepts a change as Gerrit sends it, with or without messages and revisions', () => {
    expect(problem(sound())).toBeUndefined();
    const { messages: _m, current_revision_number: _c, ...bare } = sound();
    expect(problem(bare)).toBeUndefined();
    expect(problem({ ...bare, current_revision: 'abc', revisions: { abc: { _number: 3 } } })).toBeUndefined();
  });

  it.each([
    [{ _number: 0 }, `change ${ID} (change #3 of page 1)`, /_number is 0/],
    [{ _number: 2.5 }, `change ${ID} (change #3 of page 1)`, /_number is 2\.5/],
    [{ _number: '912345', change_id: undefined }, 'change #3 of page 1', /_number is "912345"/],
    [{ current_revision_number: 0 }, 'change 912345', /current_revision_number is 0, not a patch set number/],
    [{ current_revision_number: 2.5 }, 'change 912345', /current_revision_number is 2\.5/],
    [{ revisions: { abc: { _number: -1 } } }, 'change 912345', /revision abc has patch set number -1/],
    [{ project: '' }, 'change 912345', /project is ""/],
    [{ branch: undefined }, 'change 912345', /branch is missing/],
    [{ status: 'DRAFT' }, 'change 912345', /status is "DRAFT"/],
    [
      { updated: '9999-99-99 00:00:00' },
      'change 912345',
      /updated is "9999-99-99 00:00:00", not a Gerrit timestamp/,
    ],
    [{ updated: 1714557600 }, 'change 912345', /updated is 1714557600/],
    [{ messages: {} }, 'change 912345', /messages is \{\}, not a list/],
  ])('refuses %j, naming %s', (override, name, message) => {
    const found = problem({ ...sound(), ...override });
    expect(found?.change).toBe(name);
    expect(found?.problem).toMatch(message);
  });

  it('names the message that is malformed, and what is wrong with it', () => {
    const change = sound();
    change.messages[0]!._revision_number = 2.5;
    expect(problem(change)).toEqual({
      change: 'change 912345',
      problem: 'message 1 (id m1): _revision_number is 2.5, not a patch set number (1 or more)',
    });
    const dated = sound();
    dated.messages[1]!.date = 'yesterday';
    expect(problem(dated)?.problem).toMatch(
      /^message 2 \(id m2\): date is "yesterday", not a Gerrit timestamp/,
    );
    const author = sound() as { messages: unknown[] };
    author.messages[0] = { ...(author.messages[0] as object), author: { username: 42 } };
    expect(problem(author)?.problem).toMatch(/author\.username is 42/);
    expect(problem({ ...sound(), messages: [null] })?.problem).toMatch(
      /message 1: expected a message object, got null/,
    );
  });

  it('names a change without a number by its Change-Id, and shows odd text on one line', () => {
    expect(problem({ ...sound(), _number: null })?.change).toBe(
      'change I0123456789abcdef0123456789abcdef01234567 (change #3 of page 1)',
    );
    expect(problem({ ...sound(), _number: null, change_id: 'I\n\u001b[31mx' })?.change).toBe(
      'change I\\n\\u001b[31mx (change #3 of page 1)',
    );
    expect(problem('a string')).toEqual({
      change: 'change #3 of page 1',
      problem: 'expected a change object, got "a string"',
    });
  });
});
