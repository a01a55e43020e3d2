// Which touches count toward today's contact goal: shared by the server's count and the sidebar's live counter.

/** Outcomes that are not a contact: nobody reached, or the client asked not to be contacted. */
const NOT_COUNTED = new Set(['no answer', 'wrong number', 'do not contact']);

/** Someone reached or written to: not a note, no answer, wrong number or Do not contact. */
export function isContact(touch: { channel: string; outcome?: string }): boolean {
  if (touch.channel.trim().toLowerCase() === 'note') return false;
  return !NOT_COUNTED.has((touch.outcome ?? '').trim().toLowerCase());
}
