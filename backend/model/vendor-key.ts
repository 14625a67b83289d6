/** What two spellings of one vendor share: "Dell EMC", "Dell-EMC" and "dell emc" are one vendor. */
export function vendorKey(vendor: string): string {
  return vendor.toLowerCase().replace(/[\s\-_.,&/]+/g, '');
}
