// Category of Pluggy's transaction enrichment (GET /categories).
import { z } from 'zod';

export const Category = z.object({
  id: z.string(),
  description: z.string(),
  descriptionTranslated: z.string().nullish(),
  parentId: z.string().nullish(),
  parentDescription: z.string().nullish(),
});
export type Category = z.infer<typeof Category>;
