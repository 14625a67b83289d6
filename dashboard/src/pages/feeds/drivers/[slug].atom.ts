import type { APIRoute, GetStaticPaths } from 'astro';
import { site } from '../../../site/load.ts';
import { feedResponse } from '../../../site/feeds.ts';

export const getStaticPaths = (() =>
  site().model.drivers.map((d) => ({
    params: { slug: d.slug },
    props: { name: d.name },
  }))) satisfies GetStaticPaths;

// One driver's status changes.
export const GET: APIRoute = ({ params, props }) => {
  const slug = params.slug!;
  return feedResponse(
    {
      path: `feeds/drivers/${slug}.atom`,
      title: `DriverLog: ${(props as { name: string }).name} status changes`,
      page: `drivers/${slug}/`,
    },
    site().eventsByDriver.get(slug) ?? [],
  );
};
