package dev.allframe.benchmarks.baseline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The bank with plain JPA: each operation is one JTA transaction that locks the accounts it changes (in id order),
 * updates their balances and inserts a ledger row per change. The limit for this server and database.
 */
@ApplicationScoped
@Transactional
public class Bank {

    @PersistenceContext(unitName = "bank")
    EntityManager em;

    public AccountView open(Requests.Open request) {
        if (request.id() == null || request.id().isBlank() || request.owner() == null || request.owner().isBlank()) {
            throw Refusal.invalid("id and owner are required");
        }
        if (em.find(BankAccount.class, request.id()) != null) {
            throw Refusal.conflict("account " + request.id() + " already exists");
        }
        BankAccount account = new BankAccount(request.id(), request.owner());
        em.persist(account);
        em.persist(new LedgerEntry(request.id(), "OPENED", null));
        return account.view();
    }

    public AccountView deposit(String accountId, BigDecimal amount) {
        BankAccount account = locked(accountId);
        account.add(positive(amount));
        em.persist(new LedgerEntry(accountId, "DEPOSITED", amount));
        return account.view();
    }

    public AccountView withdraw(String accountId, BigDecimal amount) {
        BankAccount account = locked(accountId);
        if (!account.covers(positive(amount))) {
            throw Refusal.conflict("insufficient funds");
        }
        account.add(amount.negate());
        em.persist(new LedgerEntry(accountId, "WITHDRAWN", amount));
        return account.view();
    }

    public TransferView transfer(Requests.Transfer request) {
        BigDecimal amount = positive(request.amount());
        if (request.from() == null || request.to() == null || request.from().equals(request.to())) {
            throw Refusal.invalid("from and to must be two accounts");
        }
        // in id order, so that two opposite transfers cannot deadlock
        boolean fromFirst = request.from().compareTo(request.to()) < 0;
        BankAccount first = locked(fromFirst ? request.from() : request.to());
        BankAccount second = locked(fromFirst ? request.to() : request.from());
        BankAccount from = fromFirst ? first : second;
        BankAccount to = fromFirst ? second : first;
        if (!from.covers(amount)) {
            throw Refusal.conflict("insufficient funds");
        }
        from.add(amount.negate());
        to.add(amount);
        em.persist(new LedgerEntry(request.from(), "WITHDRAWN", amount));
        em.persist(new LedgerEntry(request.to(), "DEPOSITED", amount));
        return new TransferView(UUID.randomUUID().toString(), request.from(), request.to(), amount, "COMPLETED");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AccountView get(String accountId) {
        BankAccount account = em.find(BankAccount.class, accountId);
        if (account == null) {
            throw Refusal.unknown(accountId);
        }
        return account.view();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AccountView> all() {
        return em.createQuery("select a from BankAccount a order by a.id", BankAccount.class).getResultStream()
                .map(BankAccount::view).toList();
    }

    private BankAccount locked(String accountId) {
        BankAccount account = em.find(BankAccount.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw Refusal.unknown(accountId);
        }
        return account;
    }

    private static BigDecimal positive(BigDecimal amount) {
        if (amount == null || amount.signum() <= 0) {
            throw Refusal.invalid("amount must be greater than 0");
        }
        return amount;
    }
}
