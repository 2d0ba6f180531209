package vn.hoctap.accounts.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.hoctap.accounts.Accounts;
import vn.hoctap.accounts.Role;

/**
 * On the first start (no account exists) creates the first city administrator from configuration
 * ({@code hoctap.admin.username}, {@code hoctap.admin.password} / HOCTAP_ADMIN_PASSWORD). When no
 * password is configured a random one is generated; it is never logged but written, with the demo
 * accounts' passwords, to {@code <data-dir>/initial-passwords.txt}, readable by its owner only.
 */
@Component
@Order(10)
class InitialAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAccounts.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /** Demo accounts: one per role, scoped to real units (Phường Ba Đình 00004, Phường Ngọc Hà 00008). */
    record Demo(String username, String displayName, Role role, Set<String> scopes) {
    }

    static final List<Demo> DEMO = List.of(
            new Demo("sogd", "Sở Giáo dục và Đào tạo Hà Nội", Role.CITY_OFFICER, Set.of("01")),
            new Demo("badinh", "Cán bộ UBND phường Ba Đình", Role.COMMUNE_OFFICER, Set.of("00004")),
            new Demo("ngocha", "Cán bộ UBND phường Ngọc Hà", Role.COMMUNE_OFFICER, Set.of("00008")),
            new Demo("khuyenhoc.badinh", "Hội Khuyến học phường Ba Đình", Role.ASSOCIATION_MEMBER, Set.of("00004")),
            new Demo("truong.badinh", "Trường Tiểu học Ba Đình", Role.ORGANISATION_USER, Set.of("00004")),
            new Demo("congdan", "Nguyễn Văn An", Role.CITIZEN, Set.of("00004")),
            new Demo("kiemtra", "Thành viên đoàn kiểm tra thành phố", Role.INSPECTOR, Set.of("01")));

    private final Accounts accounts;
    private final String adminUsername;
    private final String adminPassword;
    private final boolean demo;
    private final Path dataDir;
    private final SecureRandom random = new SecureRandom();

    InitialAccounts(Accounts accounts,
                    @Value("${hoctap.admin.username}") String adminUsername,
                    @Value("${hoctap.admin.password:}") String adminPassword,
                    @Value("${hoctap.demo:false}") boolean demo,
                    @Value("${hoctap.data-dir}") String dataDir) {
        this.accounts = accounts;
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
        this.demo = demo;
        this.dataDir = Path.of(dataDir);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.count() > 0) {
            return;
        }
        List<String> lines = new ArrayList<>();
        String password = adminPassword == null || adminPassword.isBlank() ? generate() : adminPassword;
        accounts.create(new Accounts.NewAccount(adminUsername, "Quản trị hệ thống", Role.CITY_ADMIN, Set.of("01"), password));
        if (adminPassword == null || adminPassword.isBlank()) {
            lines.add(adminUsername + "\t" + password + "\t" + Role.CITY_ADMIN);
        }
        if (demo) {
            for (Demo d : DEMO) {
                String p = generate();
                accounts.create(new Accounts.NewAccount(d.username(), d.displayName(), d.role(), d.scopes(), p));
                lines.add(d.username() + "\t" + p + "\t" + d.role() + "\t" + String.join(" ", d.scopes()));
            }
        }
        if (!lines.isEmpty()) {
            Path file = writePasswords(lines);
            log.info("Tài khoản ban đầu đã được tạo; mật khẩu ở / initial passwords are in {}", file.toAbsolutePath());
        } else {
            log.info("Tài khoản quản trị ban đầu '{}' đã được tạo với mật khẩu cấu hình / created with the configured password", adminUsername);
        }
    }

    private Path writePasswords(List<String> lines) {
        try {
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve("initial-passwords.txt");
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            List<String> content = new ArrayList<>();
            content.add("# HọcTập: tài khoản ban đầu (tên đăng nhập, mật khẩu, vai trò, địa bàn). Đổi mật khẩu và xóa tệp này.");
            content.add("# HọcTập initial accounts (username, password, role, units). Change the passwords and delete this file.");
            content.addAll(lines);
            Files.write(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the initial passwords file in " + dataDir, e);
        }
    }

    private String generate() {
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
