package org.hostarea.benchmark.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.hostarea.billing.InvoiceLineInput;
import org.hostarea.billing.InvoiceService;
import org.hostarea.billing.NewInvoice;
import org.hostarea.core.NotFoundException;
import org.hostarea.identity.AccountService;
import org.hostarea.identity.NewAccount;
import org.hostarea.packages.BillingCycle;
import org.hostarea.packages.CatalogService;
import org.hostarea.packages.NewPackage;
import org.hostarea.packages.PlanInput;
import org.hostarea.packages.PlanPrice;
import org.hostarea.packages.PlanType;

/**
 * {@code hostarea:bench-seed --accounts N --packages M --start YYYY-MM-DD}: loads a data set for benchmarks and
 * crash tests through the product's own services (no SQL behind their back): a plan, N accounts without a
 * password, M packages spread over them and, optionally, K issued invoices per account. BENCHMARK ONLY.
 */
@Service
@Command(scope = "hostarea", name = "bench-seed", description = "BENCHMARK ONLY: loads accounts and packages for load and crash tests")
public class SeedCommand implements Action {

    @Reference
    AccountService accounts;

    @Reference
    CatalogService catalog;

    @Reference
    org.hostarea.packages.PackageService packages;

    @Reference
    InvoiceService invoices;

    @Option(name = "--accounts", description = "How many accounts")
    int accountCount = 100;

    @Option(name = "--packages", description = "How many packages, spread over the accounts")
    int packageCount = 1000;

    @Option(name = "--start", description = "The packages' start date (YYYY-MM-DD): monthly terms from it")
    String start = "2021-01-01";

    @Option(name = "--invoices-per-account", description = "Issued invoices of one line for every account (besides renewals)")
    int invoicesPerAccount = 0;

    @Option(name = "--plan", description = "The plan code (created as a monthly 10.00 EUR HOSTING plan if missing)")
    String plan = "bench-hosting";

    @Override
    public Object execute() {
        LocalDate startDate;
        try {
            startDate = LocalDate.parse(start);
        } catch (DateTimeParseException e) {
            System.err.println("--start must be a date (YYYY-MM-DD): " + start);
            return null;
        }
        if (accountCount < 1 || packageCount < 0 || invoicesPerAccount < 0) {
            System.err.println("--accounts must be at least 1, --packages and --invoices-per-account not negative");
            return null;
        }
        long began = System.nanoTime();
        try {
            catalog.planByCode(plan);
        } catch (NotFoundException e) {
            catalog.create(new PlanInput(plan, PlanType.HOSTING, Map.of("en", "Benchmark hosting", "es", "Hosting de prueba",
                    "de", "Benchmark-Hosting"), List.of(new PlanPrice(BillingCycle.MONTHLY, "EUR", new BigDecimal("10.00"))), Map.of(),
                    List.of(), List.of(), true));
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>(accountCount);
        for (int i = 0; i < accountCount; i++) {
            ids.add(accounts.create(new NewAccount("Benchmark " + run + " " + i, "bench-" + run + "-" + i + "@bench.invalid", "en", null))
                    .id());
        }
        for (int i = 0; i < packageCount; i++) {
            packages.create(new NewPackage(ids.get(i % accountCount), plan, BillingCycle.MONTHLY, "EUR", startDate,
                    "bench-" + run + "-" + i, List.of(), null, false, startDate.plusMonths(1)), "bench-seed");
            if ((i + 1) % 1000 == 0) {
                System.out.println((i + 1) + " packages");
            }
        }
        for (int n = 0; n < invoicesPerAccount; n++) {
            for (String account : ids) {
                List<InvoiceLineInput> line = List.of(new InvoiceLineInput("Benchmark service " + (n + 1), null, null, null, BigDecimal.ONE,
                        new BigDecimal("4.90"), BigDecimal.ZERO));
                invoices.issue(invoices.create(new NewInvoice(account, "EUR", null, line, null), "bench-seed").id(), "bench-seed");
            }
            System.out.println((n + 1) * accountCount + " invoices");
        }
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        System.out.println("Seeded " + accountCount + " accounts and " + packageCount + " packages (run " + run + ", due "
                + startDate.plusMonths(1) + ") and " + invoicesPerAccount * accountCount + " invoices in " + took.toMillis() + " ms");
        return null;
    }
}
