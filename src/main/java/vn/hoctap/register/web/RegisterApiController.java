package vn.hoctap.register.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import vn.hoctap.accounts.Access;
import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.platform.HanoiTime;
import vn.hoctap.platform.NotFoundException;
import vn.hoctap.platform.ValidationException;
import vn.hoctap.register.RegisterImportReview;
import vn.hoctap.register.RegisterImports;
import vn.hoctap.standards.core.ImportIssue;

/**
 * The register import for API clients: the file is the request body (CSV or XLSX, any size: no multipart limit),
 * the answer the job to poll; the imports of a year, what one changed, and its undo.
 */
@RestController
@RequestMapping("/api/register")
class RegisterApiController {

    private final RegisterImports imports;
    private final RegisterImportReview history;

    RegisterApiController(RegisterImports imports, RegisterImportReview history) {
        this.imports = imports;
        this.history = history;
    }

    /** An import job as JSON: state, progress, and when finished the outcome (at most 100 errors listed). */
    record JobJson(String id, int year, String fileName, String state, int progress, long rows, String failure, Boolean ok,
                   Long errorCount, List<ImportIssue> errors, Integer inserted, Integer updated, Integer deleted, Long importId) {
        static JobJson of(RegisterImports.Job j) {
            var r = j.result();
            return new JobJson(j.id(), j.year(), j.fileName(), j.state().name(), j.progress(), j.rows(), j.failure(),
                    r == null ? (j.state() == RegisterImports.State.FAILED ? Boolean.FALSE : (Boolean) null) : Boolean.valueOf(r.ok()),
                    r == null ? null : r.errorCount(), r == null ? null : r.errors().subList(0, Math.min(100, r.errors().size())),
                    r == null ? null : r.inserted(), r == null ? null : r.updated(), r == null ? null : r.deleted(), j.importId());
        }
    }

    @PostMapping("/imports")
    @Access(kind = DataKind.PERSON_ROWS, action = AccessAction.WRITE)
    ResponseEntity<JobJson> start(@RequestParam int year, @RequestParam(defaultValue = "register.csv") String fileName,
                                  HttpServletRequest request) throws IOException {
        if (year < 2000 || year > HanoiTime.today().getYear() + 1) {
            throw ValidationException.of("year", "register.import.year");
        }
        Path tmp = Files.createTempFile("hoctap-upload-", ".bin");
        try (InputStream in = request.getInputStream()) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        if (Files.size(tmp) == 0) {
            Files.deleteIfExists(tmp);
            throw ValidationException.of("file", "register.import.empty");
        }
        String name = Path.of(fileName).getFileName().toString();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(JobJson.of(imports.start(tmp, name, year)));
    }

    @GetMapping("/import-jobs/{id}")
    @Access(kind = DataKind.PERSON_ROWS, action = AccessAction.READ)
    JobJson job(@PathVariable String id) {
        return JobJson.of(imports.job(id).orElseThrow(() -> new NotFoundException("register.import.no-job", id)));
    }

    @GetMapping("/imports")
    @Access(kind = DataKind.PERSON_ROWS, action = AccessAction.READ)
    List<RegisterImportReview.ImportSummary> list(@RequestParam int year) {
        return history.list(year);
    }

    @GetMapping("/imports/{id}")
    @Access(kind = DataKind.PERSON_ROWS, action = AccessAction.READ)
    RegisterImportReview.Changes changes(@PathVariable long id) {
        return history.changes(id);
    }

    @PostMapping("/imports/{id}/undo")
    @Access(kind = DataKind.PERSON_ROWS, action = AccessAction.WRITE)
    RegisterImportReview.ImportSummary undo(@PathVariable long id) {
        return history.undo(id);
    }
}
