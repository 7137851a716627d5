/*
 * Modules of a course and resources of a module are kept at positions 1..n,
 * without gaps or duplicates. A reorder names every item once, in its new order.
 */

export type ReorderProblem = { kind: 'missing'; ids: string[] } | { kind: 'unknown'; ids: string[] } | { kind: 'duplicate'; ids: string[] };

/** Checks that `requested` is a permutation of `current`; returns the problem, or null when it is one. */
export function reorderProblem(current: readonly string[], requested: readonly string[]): ReorderProblem | null {
  const seen = new Set<string>();
  const duplicates = requested.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
  if (duplicates.length > 0) return { kind: 'duplicate', ids: [...new Set(duplicates)] };
  const known = new Set(current);
  const unknown = requested.filter((id) => !known.has(id));
  if (unknown.length > 0) return { kind: 'unknown', ids: unknown };
  const missing = current.filter((id) => !seen.has(id));
  if (missing.length > 0) return { kind: 'missing', ids: missing };
  return null;
}

export function describeReorderProblem(problem: ReorderProblem): string {
  const ids = problem.ids.join(', ');
  if (problem.kind === 'duplicate') return `names the same item twice: ${ids}`;
  if (problem.kind === 'unknown') return `names items that are not here: ${ids}`;
  return `must name every item; missing: ${ids}`;
}

/** Positions 1..n in the given order. */
export function positionsOf(ids: readonly string[]): Array<{ id: string; position: number }> {
  return ids.map((id, index) => ({ id, position: index + 1 }));
}
