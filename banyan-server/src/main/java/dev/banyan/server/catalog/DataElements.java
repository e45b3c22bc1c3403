package dev.banyan.server.catalog;

import dev.banyan.server.catalog.internal.ElementRows;
import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.platform.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The library of data elements (数据元库): standard field definitions such as 公民身份号码 (GB 11643),
 * 统一社会信用代码 (GB 32100) and 行政区划代码 (GB/T 2260). The common ones are seeded with the schema; the
 * platform administrator defines more.
 */
@Service
public class DataElements {

    private final ElementRows rows;

    public DataElements(ElementRows rows) {
        this.rows = rows;
    }

    public List<DataElement> all() {
        return rows.all();
    }

    public Map<String, DataElement> byCode() {
        return all().stream().collect(Collectors.toMap(DataElement::code, Function.identity()));
    }

    public Optional<DataElement> find(String code) {
        return code == null ? Optional.empty() : rows.find(code);
    }

    public DataElement get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("error.catalog.element.notFound", code));
    }

    /**
     * Adds a data element (platform administrator only).
     *
     * @throws InvalidInputException for a malformed or taken code or a missing name, type or subject
     */
    @Transactional
    public DataElement define(CatalogActor actor, DataElement e) {
        if (!actor.isAdmin()) {
            throw new CatalogPermissionException("error.catalog.permission.adminOnly");
        }
        if (e.code() == null || !e.code().matches("DE\\d{4,8}")) {
            throw new InvalidInputException("code", "error.catalog.element.code.format");
        }
        if (blank(e.nameZh())) {
            throw new InvalidInputException("nameZh", "error.required");
        }
        if (blank(e.nameEn())) {
            throw new InvalidInputException("nameEn", "error.required");
        }
        if (blank(e.type())) {
            throw new InvalidInputException("type", "error.required");
        }
        if (e.subjectType() == null) {
            throw new InvalidInputException("subjectType", "error.required");
        }
        if (rows.find(e.code()).isPresent()) {
            throw new InvalidInputException("code", "error.catalog.element.code.taken", e.code());
        }
        rows.insert(e);
        return get(e.code());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
