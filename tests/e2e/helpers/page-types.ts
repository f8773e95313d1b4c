/** One address of every page type, in Swedish and English: what the CSP and axe tests visit. */
const SV = ['/', '/delmal/1', '/indikator/no_confidant', '/indikator/transit_access', '/region', '/region/00', '/region/21', '/om', '/egna-data'];
const EN = ['/en', '/en/delmal/3', '/en/indikator/school_unsafe', '/en/indikator/transit_access', '/en/region', '/en/region/00', '/en/region/01', '/en/om', '/en/own-data'];
/** Unknown addresses: the 404 page in each language. */
export const NOT_FOUND = ['/indikator/finns_inte', '/en/region/99'];
export const PAGE_TYPES = [...SV, ...EN];
