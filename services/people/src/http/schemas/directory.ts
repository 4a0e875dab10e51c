import { z } from '@hono/zod-openapi';

const named = { name: z.string(), nameEn: z.string() };

export const Places = z
  .object({
    streets: z.array(z.object({ streetId: z.string(), ...named })),
    communities: z.array(z.object({ communityId: z.string(), ...named, streetId: z.string() })),
    grids: z.array(z.object({ gridId: z.string(), ...named, communityId: z.string(), streetId: z.string() })),
  })
  .openapi('Places');

export const OrganizationList = z
  .object({ items: z.array(z.object({ orgId: z.string(), ...named, kind: z.string(), gridIds: z.array(z.string()) })) })
  .openapi('OrganizationList');

export const MerchantList = z
  .object({ items: z.array(z.object({ merchantId: z.string(), ...named, allianceId: z.string() })) })
  .openapi('MerchantList');
