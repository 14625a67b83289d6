import type { APIRoute } from 'astro';
import { driversCsv } from '../lib/csv.ts';
import { site } from '../site/load.ts';

export const GET: APIRoute = () => {
  const { model, settings } = site();
  return new Response(driversCsv(model, settings.now, settings.staleDays, import.meta.env.BASE_URL), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
