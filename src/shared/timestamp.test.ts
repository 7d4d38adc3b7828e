import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { auditEvent } from './contracts/audit.js';
import { timestamp, type Wire } from './fields.js';

describe('timestamp', () => {
  it('travels as an ISO string: the response serializer encodes the server’s Date', () => {
    const at = new Date('2026-03-01T02:03:04.005Z');
    const event = {
      id: 1,
      at,
      actorUserId: null,
      actorUsername: null,
      action: 'create',
      entityType: 'x',
      entityId: 'y',
      subject: null,
    };
    const wire = z.encode(auditEvent, { ...event, before: null, after: { a: 1 } });
    expect(wire.at).toBe('2026-03-01T02:03:04.005Z');
    expect(JSON.parse(JSON.stringify(wire))).toEqual(wire);
  });

  it('parses a received body back into Dates, and refuses what is not an ISO time', () => {
    expect(timestamp.parse('2026-03-01T09:03:04+07:00')).toEqual(new Date('2026-03-01T02:03:04.000Z'));
    expect(timestamp.safeParse('yesterday').success).toBe(false);
    expect(timestamp.safeParse(new Date()).success).toBe(false);
  });

  it('Wire<> of the server’s type is the schema’s input type (what the web is told it receives)', () => {
    type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
    const same: Same<Wire<z.output<typeof auditEvent>>, z.input<typeof auditEvent>> = true;
    expect(same).toBe(true);
  });
});
