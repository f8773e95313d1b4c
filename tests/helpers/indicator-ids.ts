/** The twelve indicator ids the catalog promises (stable: URLs, partitions and exports use them). */
export const FIXED_IDS = [
	'transit_access',
	'association_active',
	'trust_others',
	'trust_institutions',
	'school_unsafe',
	'refrained_going_out',
	'cannot_afford_leisure',
	'no_internet_use',
	'school_lonely',
	'lonely_often_always',
	'no_confidant',
	'no_close_friend'
];
