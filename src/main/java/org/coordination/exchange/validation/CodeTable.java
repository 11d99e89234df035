package org.coordination.exchange.validation;

import java.util.HashMap;
import java.util.Map;

import org.coordination.exchange.record.Names;

/**
 * Canonical values by the {@link Names#key matching key} of their codes and aliases,
 * built once so that a lookup is one or two hash probes.
 *
 * @param <T> the canonical value type
 */
final class CodeTable<T> {

	private final Map<String, T> byKey;

	private CodeTable(Map<String, T> byKey) {
		// a HashMap finds a key with a mask; Map.copyOf's table divides on every lookup
		this.byKey = new HashMap<>(byKey);
	}

	/** Every constant of an enum by its name, plus aliases (alias to constant). */
	static <E extends Enum<E>> CodeTable<E> of(Class<E> type, Map<String, E> aliases) {
		Map<String, E> byKey = new HashMap<>();
		for (E constant : type.getEnumConstants()) {
			byKey.put(Names.key(constant.name()), constant);
		}
		aliases.forEach((alias, constant) -> byKey.put(Names.key(alias), constant));
		return new CodeTable<>(byKey);
	}

	/** A table over keys that are already {@link Names#key matching keys}. */
	static <T> CodeTable<T> ofKeys(Map<String, T> byKey) {
		return new CodeTable<>(byKey);
	}

	/** The canonical value a code or alias stands for, {@code null} if unknown. */
	T lookup(String value) {
		// canonical codes as written (UA, MILITARY) are their own key: skip building one
		T found = this.byKey.get(value);
		return (found != null) ? found : this.byKey.get(Names.key(value));
	}

}
