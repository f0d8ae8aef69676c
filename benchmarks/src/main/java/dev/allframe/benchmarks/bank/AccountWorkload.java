package dev.allframe.benchmarks.bank;

/**
 * The commands of the command-cycle benchmarks, the same for every contender: each account is opened,
 * then receives nine deposits, so a deposit folds at most nine earlier events; then the next account.
 */
public final class AccountWorkload {

    public static final int COMMANDS_PER_ACCOUNT = 10;

    private final String prefix;
    private long count;
    private String account;

    public AccountWorkload(String prefix) {
        this.prefix = prefix;
    }

    public Object next() {
        long n = count++;
        if (n % COMMANDS_PER_ACCOUNT == 0) {
            account = prefix + n / COMMANDS_PER_ACCOUNT;
            return new OpenAccount(account, "Ada");
        }
        return new Deposit(account, 100);
    }

    /** How many commands were handed out. */
    public long count() {
        return count;
    }
}
