// Whose data a stored value is: notes and parked outboxes are kept per account on one server, because
// segments and notes are only ever sent with the account that recorded them.
export function ownerOf(server: string, userId: string): string {
  return `${userId}@${server}`;
}
