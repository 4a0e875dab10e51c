import { describe, expect, it } from 'vitest';
import type { OpenApiDocument } from '../../src/openapi/documents';
import { matrixMarkdown, routeMatrix } from '../../src/openapi/matrix';

const documentOf = (paths: OpenApiDocument['paths']): Record<string, OpenApiDocument> => ({ probe: { paths } });

describe('the route matrix', () => {
  it('refuses a route without a policy action and one naming an action the policy lacks', () => {
    const { rows, problems } = routeMatrix(
      documentOf({
        '/things': { get: { summary: 'declared without securedRoute' }, post: { 'x-action': 'thing.invent' } },
        '/claims/{claimId}': { delete: { 'x-action': 'claim.cancel' } },
      }),
    );
    expect(problems).toEqual([
      'probe: GET /things has no policy action (declare it with securedRoute)',
      'probe: POST /things names thing.invent, which the policy lacks',
    ]);
    expect(rows.map((r) => `${r.method} ${r.path} ${r.action}`)).toEqual(['delete /claims/{claimId} claim.cancel']);
  });

  it("prints each role's answer, scope included", () => {
    const { rows } = routeMatrix(documentOf({ '/hours/{hourLogId}/verify': { post: { 'x-action': 'hours.verify' } }, '/wishes/{wishId}/approve': { post: { 'x-action': 'wish.vet' } } }));
    const page = matrixMarkdown(rows);
    expect(page).toContain('| `POST /hours/{hourLogId}/verify` | `hours.verify` | org | ✗ | ✓ in scope | ✗ | ✗ |');
    expect(page).toContain('| `POST /wishes/{wishId}/approve` | `wish.vet` | org | ✗ | ✓ in scope | ✗ | ✓ anywhere |');
    expect(page).toContain('2 routes × 4 roles = 8 cells');
  });
});
