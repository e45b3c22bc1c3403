package dev.banyan.server.identity.internal;

import dev.banyan.server.identity.Department;
import dev.banyan.server.identity.DepartmentDirectory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The machine API of the identity module: who is calling, and the directory of departments. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Directory", description = "Departments of the city (部门目录)")
@SecurityRequirement(name = "oauth2")
class DirectoryApi {

    private final DepartmentDirectory departments;

    DirectoryApi(DepartmentDirectory departments) {
        this.departments = departments;
    }

    @GetMapping("/me")
    @Operation(summary = "The calling client, its department and scopes")
    Map<String, Object> me(@AuthenticationPrincipal Jwt token) {
        return Map.of("clientId", token.getSubject(),
                "department", String.valueOf(token.getClaims().getOrDefault("department", "")),
                "scopes", token.getClaimAsStringList("scope") == null ? List.of() : token.getClaimAsStringList("scope"),
                "expiresAt", token.getExpiresAt());
    }

    @GetMapping("/directory/departments")
    @Operation(summary = "Every department, provincial to township")
    List<Department> departments() {
        return departments.all();
    }

    @GetMapping("/directory/departments/{code}")
    @Operation(summary = "One department by its code")
    Department department(@PathVariable String code) {
        return departments.findByCode(code)
                .orElseThrow(() -> new dev.banyan.server.platform.NotFoundException("error.department.notFound", code));
    }
}
