/** E-mail addresses are unique case-insensitively: we store and compare them in this form. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

// Deliberately simple: one "@", no spaces, a dot in the domain. Deliverability is proven by the invitation.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isPlausibleEmail(email: string): boolean {
  return email.length <= 254 && EMAIL.test(email.trim());
}
