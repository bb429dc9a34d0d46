import { afterAll, describe, expect, it } from 'vitest';
import { findDates } from '../../src/extract/dates.js';

// Dates are UTC calendar days: the machine's time zone must not move them. Node re-reads
// process.env.TZ when it is assigned, so each zone can be tried in-process.
const ZONES = ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Pago_Pago'];
const savedTz = process.env.TZ;

describe('time zones', () => {
  afterAll(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  it.each(ZONES)('resolves the same days under TZ=%s', (tz) => {
    process.env.TZ = tz;
    const ctx = { reference: '2016-12-11' };
    const out = ['On Thursday', 'last night', 'in March', 'on December 31', 'On 1 January 2016', 'from March 20 to March 23'].map((s) => {
      const d = findDates(s, ctx)[0];
      return d?.endDate ? `${d.date}/${d.endDate}` : d?.date;
    });
    expect(out).toEqual(['2016-12-08', '2016-12-10', '2016-03', '2015-12-31', '2016-01-01', '2016-03-20/2016-03-23']);
  });
});
