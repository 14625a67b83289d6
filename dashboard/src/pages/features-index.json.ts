import type { APIRoute } from 'astro';
import { buildFeatureIndex } from '../lib/feature-filter.ts';
import { site } from '../site/load.ts';

// The home table's feature-filter data (see lib/feature-filter.ts), fetched only when a reader filters
// by feature, so it costs the home page nothing.
export const GET: APIRoute = () => Response.json(buildFeatureIndex(site().model));
