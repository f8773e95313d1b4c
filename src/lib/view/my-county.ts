/**
 * "Mitt län": the county a visitor chose, remembered on this device only (localStorage; nothing is
 * sent anywhere). Reading tolerates storage that is disabled, full or holds something stale: an
 * unknown code is forgotten rather than trusted.
 */
const KEY = 'ensamhetsmonitorn:county';

export function rememberedCounty(known: readonly string[], storage: Pick<Storage, 'getItem' | 'removeItem'> | null = safeStorage()): string | null {
	if (!storage) return null;
	try {
		const code = storage.getItem(KEY);
		if (code && known.includes(code)) return code;
		if (code) storage.removeItem(KEY);
	} catch {
		// Storage can throw (privacy modes, quota): the chooser then simply starts empty.
	}
	return null;
}

export function rememberCounty(code: string, storage: Pick<Storage, 'setItem'> | null = safeStorage()): boolean {
	if (!storage) return false;
	try {
		storage.setItem(KEY, code);
		return true;
	} catch {
		return false;
	}
}

export function forgetCounty(storage: Pick<Storage, 'removeItem'> | null = safeStorage()): void {
	try {
		storage?.removeItem(KEY);
	} catch {
		// nothing to undo
	}
}

function safeStorage(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}
