// The Weekly batches panel's words: the next run in the sheet's zone (named or not), hours, weeks, progress.
import {
  hourSpan,
  nextRunWords,
  progressWords,
  weekWords,
  zoneWords,
} from '../../sidebar/views/scheduleWords';

describe('nextRunWords', () => {
  it('formats the instant in the named zone', () => {
    // 14:00 UTC on 26 November 2026 is 09:00 in New York (EST, UTC-5).
    expect(nextRunWords('2026-11-26T14:00:00.000Z', 9, 'America/New_York')).toBe(
      'Thursday 26 November, between 09:00 and 10:00',
    );
    // After a DST change the same hour is another UTC hour (EDT, UTC-4).
    expect(nextRunWords('2027-03-18T13:17:00.000Z', 9, 'America/New_York')).toBe(
      'Thursday 18 March, between 09:00 and 10:00',
    );
  });

  it.each([
    // [instant, schedule hour, expected], each the sheet wall clock's day for that zone
    ['2026-11-26T14:00:00.000Z', 9, 'Thursday 26 November, between 09:00 and 10:00'], // New York
    ['2026-11-26T14:43:00.000Z', 9, 'Thursday 26 November, between 09:00 and 10:00'], // Google's minute
    ['2026-11-26T23:30:00.000Z', 23, 'Thursday 26 November, between 23:00 and 00:00'], // UTC, late
    ['2026-11-25T20:00:00.000Z', 9, 'Thursday 26 November, between 09:00 and 10:00'], // Auckland +13
    ['2026-11-26T19:00:00.000Z', 9, 'Thursday 26 November, between 09:00 and 10:00'], // Honolulu -10
    ['2026-11-26T03:30:00.000Z', 9, 'Thursday 26 November, between 09:00 and 10:00'], // Kolkata +5:30
    ['2026-11-27T04:00:00.000Z', 23, 'Thursday 26 November, between 23:00 and 00:00'], // New York, late
  ])('without a zone, %s at hour %s reads the sheet day: %s', (iso, hour, words) => {
    expect(nextRunWords(iso, hour, undefined)).toBe(words);
  });

  it('ignores a zone it does not know rather than failing', () => {
    expect(nextRunWords('2026-11-26T14:00:00.000Z', 9, 'Mars/Olympus')).toBe(
      'Thursday 26 November, between 09:00 and 10:00',
    );
  });
});

describe('the small words', () => {
  it('spans an hour, across midnight too', () => {
    expect(hourSpan(0)).toBe('between 00:00 and 01:00');
    expect(hourSpan(23)).toBe('between 23:00 and 00:00');
  });
  it('names a zone by its city', () => {
    expect(zoneWords('America/New_York')).toBe('New York');
    expect(zoneWords('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
    expect(zoneWords(undefined)).toBe('');
  });
  it('says the week of a date, and the progress', () => {
    expect(weekWords('2027-03-01')).toBe('the week of 1 March 2027');
    expect(progressWords(1, 1200)).toBe('1 client reached, 1,200 to go');
  });
});
