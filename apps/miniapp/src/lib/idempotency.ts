/** A fresh idempotency key (the API accepts 8–100 of [A-Za-z0-9_-]); unique enough per person and action. */
export function newIdempotencyKey(prefix: string): string {
  const random = Array.from({ length: 4 }, () =>
    Math.floor(Math.random() * 36 ** 6)
      .toString(36)
      .padStart(6, '0'),
  );
  return `${prefix}-${Date.now().toString(36)}-${random.join('')}`;
}
