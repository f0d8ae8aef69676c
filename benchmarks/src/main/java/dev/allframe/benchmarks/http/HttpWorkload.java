package dev.allframe.benchmarks.http;

/**
 * A measured workload: which requests wrk sends (a Lua script) and over how many connections. The accounts
 * {@code A-0} to {@code A-15} and {@code HOT} exist and are funded before any workload runs.
 */
enum HttpWorkload {

    DEPOSITS_1("deposits to 16 accounts", 1, Scripts.DEPOSITS),
    DEPOSITS_8("deposits to 16 accounts", 8, Scripts.DEPOSITS),
    HOT_1("deposits to one account holding 1,000+ events", 1, Scripts.HOT),
    TRANSFERS_1("transfers between 16 accounts (a saga in the sample)", 1, Scripts.TRANSFERS),
    TRANSFERS_8("transfers between 16 accounts (a saga in the sample)", 8, Scripts.TRANSFERS);

    static final int ACCOUNTS = 16;

    private final String title;
    private final int connections;
    private final String script;

    HttpWorkload(String title, int connections, String script) {
        this.title = title;
        this.connections = connections;
        this.script = script;
    }

    String title() {
        return title;
    }

    int connections() {
        return connections;
    }

    String script() {
        return script;
    }

    /** wrk's Lua scripts; each wrk thread has its own counter. */
    private static final class Scripts {

        /** The headers, and the first answer of each thread that was not 2xx, printed at the end. */
        private static final String HEADERS = "local headers = { [\"Content-Type\"] = \"application/json\" }\n"
                + "local n = 0\n"
                + "local threads = {}\n"
                + "setup = function(thread) table.insert(threads, thread) end\n"
                + "response = function(status, headers, body)\n"
                + "  if status >= 300 and refused == nil then refused = status .. ' ' .. body end\n"
                + "end\n"
                + "done = function(summary, latency, requests)\n"
                + "  for _, thread in ipairs(threads) do\n"
                + "    local r = thread:get('refused')\n"
                + "    if r ~= nil then print('first non-2xx: ' .. r) end\n"
                + "  end\n"
                + "end\n";

        static final String DEPOSITS = HEADERS
                + "request = function()\n"
                + "  n = n + 1\n"
                + "  return wrk.format(\"POST\", \"/bank/accounts/A-\" .. (n % " + ACCOUNTS + ") .. \"/deposits\", headers,"
                + " '{\"amount\": 1.00}')\n"
                + "end\n";

        static final String HOT = HEADERS
                + "request = function()\n"
                + "  return wrk.format(\"POST\", \"/bank/accounts/HOT/deposits\", headers, '{\"amount\": 1.00}')\n"
                + "end\n";

        static final String TRANSFERS = HEADERS
                + "request = function()\n"
                + "  n = n + 1\n"
                + "  local from = n % " + ACCOUNTS + "\n"
                + "  local to = (from + 1 + math.random(0, " + (ACCOUNTS - 2) + ")) % " + ACCOUNTS + "\n"
                + "  return wrk.format(\"POST\", \"/bank/transfers\", headers,"
                + " '{\"from\": \"A-' .. from .. '\", \"to\": \"A-' .. to .. '\", \"amount\": 1.00}')\n"
                + "end\n";

        private Scripts() {
        }
    }
}
