import type { APIRoute, GetStaticPaths } from 'astro';
import { site } from '../../../site/load.ts';
import { feedResponse } from '../../../site/feeds.ts';

export const getStaticPaths = (() =>
  site().model.vendors.map((v) => ({
    params: { slug: v.slug },
    props: { name: v.name },
  }))) satisfies GetStaticPaths;

// One vendor's drivers' status changes.
export const GET: APIRoute = ({ params, props }) => {
  const name = (props as { name: string }).name;
  return feedResponse(
    {
      path: `feeds/vendors/${params.slug}.atom`,
      title: `DriverLog: ${name} driver status changes`,
      page: `vendors/${params.slug}/`,
    },
    site().eventsByVendor.get(name) ?? [],
  );
};
