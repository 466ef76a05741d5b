package io.tinymlaas.magics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A notebook's variables, in declaration order, without a notebook. */
final class FakeContext implements MagicContext {
    private final Map<String, Object> variables = new LinkedHashMap<>();

    FakeContext with(String name, Object value) {
        variables.put(name, value);
        return this;
    }

    @Override
    public Optional<Object> variable(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    @Override
    public List<String> variableNames() {
        return new ArrayList<>(variables.keySet());
    }
}
