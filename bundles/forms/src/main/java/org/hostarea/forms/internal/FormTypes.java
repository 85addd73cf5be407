package org.hostarea.forms.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.hostarea.forms.spi.FormType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** The installed form types (whiteboard): plugins come and go at run time. */
@Component(service = FormTypes.class)
public class FormTypes {

    private final Map<String, FormType> types = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void add(FormType type) {
        types.put(type.id(), type);
    }

    void remove(FormType type) {
        types.remove(type.id(), type);
    }

    Optional<FormType> get(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(types.get(id));
    }

    List<FormType> all() {
        return types.values().stream().sorted(Comparator.comparing(FormType::id)).toList();
    }
}
