import { ownDataPage } from '$lib/server/own-data';

export const load = () => ownDataPage('sv');
