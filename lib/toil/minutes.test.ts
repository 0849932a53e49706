import { describe, expect, it } from 'vitest';
import { formatMinutes, parseMinutes } from './minutes';

function minutesOf(input: string): number | string {
  const result = parseMinutes(input);
  return result.ok ? result.minutes : result.error;
}

describe('parseMinutes', () => {
  it.each([
    ['45', 45],
    ['45m', 45],
    ['45 min', 45],
    ['90 min', 90],
    ['90 minutes', 90],
    ['1h', 60],
    ['1h30m', 90],
    ['1h 30m', 90],
    ['1 h 30 m', 90],
    ['1.5h', 90],
    ['.5h', 30],
    ['1.1h', 66],
    ['2h5', 125],
    ['2 hours 5 minutes', 125],
    ['1:30', 90],
    ['  1H30M  ', 90],
    ['24h', 1440],
    ['1440', 1440],
    ['45.0', 45],
  ])('reads %j as %i minutes', (input, expected) => {
    expect(parseMinutes(input)).toEqual({ ok: true, minutes: expected });
  });

  it.each([
    ['', /enter the time spent/i],
    ['   ', /enter the time spent/i],
    ['0', /more than 0/],
    ['0h 0m', /more than 0/],
    ['-5', /negative/],
    ['-1h', /negative/],
    ['1441', /at most 24h \(1440 minutes\)/],
    ['24h 1m', /at most 24h/],
    ['25h', /at most 24h/],
    ['abc', /"abc" is not a duration/],
    ['h', /not a duration/],
    ['1x', /not a duration/],
    ['30m 1h', /not a duration/],
    ['1.2.3', /not a duration/],
    ['45.5', /whole number of minutes \("45.5" is 45.5 min\)/],
    ['1.51h', /whole number of minutes \("1.51h" is 90.6 min\)/],
    ['0.5m', /whole number of minutes/],
  ])('rejects %j', (input, message) => {
    expect(minutesOf(input)).toMatch(message);
  });
});

describe('formatMinutes', () => {
  it.each([
    [90, '1h 30m'],
    [45, '45m'],
    [120, '2h'],
    [60, '1h'],
    [1, '1m'],
    [0, '0m'],
    [1440, '24h'],
    [6005, '100h 5m'],
    [-90, '-1h 30m'],
  ])('%i → %s', (minutes, expected) => {
    expect(formatMinutes(minutes)).toBe(expected);
  });

  it('round-trips through parseMinutes', () => {
    for (const minutes of [1, 45, 60, 61, 90, 719, 1440]) {
      expect(parseMinutes(formatMinutes(minutes))).toEqual({ ok: true, minutes });
    }
  });
});
