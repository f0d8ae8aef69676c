package dev.allframe.it.bank;

import static dev.allframe.it.bank.BankClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.allframe.it.Deployments;
import dev.allframe.it.ServerLog;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The sample bank's REST API, over HTTP, as the build packaged it. Each test uses accounts of its own. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BankApiIT {

    @Deployment(testable = false)
    static WebArchive bank() {
        return Deployments.sampleBank();
    }

    /** The operator token the test server gives the bank (bank.operator-token in its server.xml). */
    private static final String OPERATOR_TOKEN = "it-operator-token";

    @ArquillianResource
    URL base;

    BankClient bank;

    @BeforeEach
    void connect() {
        bank = new BankClient(base);
    }

    @Test
    void opensAnAccount() throws Exception {
        HttpResponse<String> opened = bank.post("accounts", """
                {"id": "open-1", "owner": "Ada"}""");

        assertAnswer(201, """
                {"id": "open-1", "owner": "Ada", "balance": 0}""", opened);
        assertEquals(List.of(bank.uri("accounts/open-1").toString()), opened.headers().allValues("Location"));
        assertAnswer(200, """
                {"id": "open-1", "owner": "Ada", "balance": 0}""", bank.get("accounts/open-1"));
    }

    @Test
    void depositsAndWithdrawalsChangeTheBalance() throws Exception {
        bank.post("accounts", """
                {"id": "money-1", "owner": "Ada"}""");

        assertAnswer(200, """
                {"id": "money-1", "owner": "Ada", "balance": 100.00}""",
                bank.post("accounts/money-1/deposits", """
                        {"amount": 100.00}"""));
        assertAnswer(200, """
                {"id": "money-1", "owner": "Ada", "balance": 69.50}""",
                bank.post("accounts/money-1/withdrawals", """
                        {"amount": 30.5}"""));
        assertAnswer(200, """
                {"id": "money-1", "owner": "Ada", "balance": 69.50}""", bank.get("accounts/money-1"));
    }

    @Test
    void withdrawingMoreThanTheBalanceIsAConflict() throws Exception {
        bank.post("accounts", """
                {"id": "poor-1", "owner": "Bob"}""");
        bank.post("accounts/poor-1/deposits", """
                {"amount": 10}""");

        assertAnswer(409, """
                {"error": "AF1109", "message": "AF1109: Command rejected: insufficient funds",
                 "reason": "insufficient funds"}""",
                bank.post("accounts/poor-1/withdrawals", """
                        {"amount": 10.01}"""));
        assertAnswer(200, """
                {"id": "poor-1", "owner": "Bob", "balance": 10}""", bank.get("accounts/poor-1"));
    }

    @Test
    void openingAnAccountTwiceIsAConflict() throws Exception {
        bank.post("accounts", """
                {"id": "twice-1", "owner": "Ada"}""");

        assertAnswer(409, """
                {"error": "AF1109", "message": "AF1109: Command rejected: account twice-1 already exists",
                 "reason": "account twice-1 already exists"}""",
                bank.post("accounts", """
                        {"id": "twice-1", "owner": "Eve"}"""));
        assertAnswer(200, """
                {"id": "twice-1", "owner": "Ada", "balance": 0}""", bank.get("accounts/twice-1"));
    }

    @Test
    void anUnknownAccountIsNotFound() throws Exception {
        String notFound = """
                {"error": "BANK001", "message": "BANK001: No account nobody"}""";

        assertAnswer(404, notFound, bank.get("accounts/nobody"));
        assertAnswer(404, notFound, bank.post("accounts/nobody/deposits", """
                {"amount": 5}"""));
        assertAnswer(404, notFound, bank.post("accounts/nobody/withdrawals", """
                {"amount": 5}"""));
    }

    @Test
    void anInvalidAmountIsABadRequestListingTheViolation() throws Exception {
        bank.post("accounts", """
                {"id": "invalid-1", "owner": "Ada"}""");

        assertAnswer(400, """
                {"error": "AF1103",
                 "message": "AF1103: dev.allframe.sample.bank.Deposit is invalid: amount: must be greater than 0",
                 "violations": [{"path": "amount", "message": "must be greater than 0"}]}""",
                bank.post("accounts/invalid-1/deposits", """
                        {"amount": -5}"""));
        assertAnswer(400, """
                {"error": "AF1103",
                 "message": "AF1103: dev.allframe.sample.bank.Withdraw is invalid: amount: must not be null",
                 "violations": [{"path": "amount", "message": "must not be null"}]}""",
                bank.post("accounts/invalid-1/withdrawals", "{}"));
        assertAnswer(200, """
                {"id": "invalid-1", "owner": "Ada", "balance": 0}""", bank.get("accounts/invalid-1"));
    }

    @Test
    void anInvalidAccountIsABadRequestListingEveryViolation() throws Exception {
        assertAnswer(400, """
                {"error": "AF1103",
                 "message": "AF1103: dev.allframe.sample.bank.OpenAccount is invalid: accountId: must be 1 to 36 letters, digits or hyphens; owner: must not be blank",
                 "violations": [{"path": "accountId", "message": "must be 1 to 36 letters, digits or hyphens"},
                                {"path": "owner", "message": "must not be blank"}]}""",
                bank.post("accounts", """
                        {"id": "no spaces", "owner": " "}"""));
        assertEquals(404, bank.get("accounts/no%20spaces").statusCode());
    }

    @Test
    void anAccountIdLongerThanAnyStoreKeepsIsABadRequestAndStoresNothing() throws Exception {
        String id = "a".repeat(250);
        assertAnswer(400, """
                {"error": "AF1186",
                 "message": "AF1186: Append to stream '%s...' refused: its stream id is 250 characters long, more than the 200 every event store keeps; nothing was stored"}"""
                        .formatted("a".repeat(40)),
                bank.post("accounts/" + id + "/deposits", "{\"amount\": 1}"));
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequest() throws Exception {
        HttpResponse<String> response = bank.post("accounts/nobody/deposits", "{\"amount\": ");

        assertEquals(400, response.statusCode());
        JsonObject body = json(response.body()).asJsonObject();
        assertEquals("BANK002", body.getString("error"));
        assertTrue(body.getString("message").startsWith("BANK002: The request body is not the JSON this resource expects: "),
                body.getString("message"));
    }

    @Test
    void anOwnerNameOverItsLimitIsABadRequestAndNothingIsOpened() throws Exception {
        assertAnswer(400, """
                {"error": "AF1103",
                 "message": "AF1103: dev.allframe.sample.bank.OpenAccount is invalid: owner: must be at most 100 characters",
                 "violations": [{"path": "owner", "message": "must be at most 100 characters"}]}""",
                bank.post("accounts", "{\"id\": \"long-owner\", \"owner\": \"" + "A".repeat(101) + "\"}"));
        assertEquals(404, bank.get("accounts/long-owner").statusCode());
    }

    @Test
    void anAmountBeyondCentsOrTwelveDigitsIsABadRequestAndStoresNothing() throws Exception {
        bank.post("accounts", """
                {"id": "huge-1", "owner": "Ada"}""");
        String violation = """
                {"error": "AF1103",
                 "message": "AF1103: dev.allframe.sample.bank.Deposit is invalid: amount: must have at most 12 digits before the point and 2 after it",
                 "violations": [{"path": "amount", "message": "must have at most 12 digits before the point and 2 after it"}]}""";

        assertAnswer(400, violation, bank.post("accounts/huge-1/deposits", """
                {"amount": 1E+999999999}"""));
        assertAnswer(400, violation, bank.post("accounts/huge-1/deposits", """
                {"amount": 1e400}"""));
        assertAnswer(400, violation, bank.post("accounts/huge-1/deposits", """
                {"amount": 0.001}"""));
        assertAnswer(200, """
                {"id": "huge-1", "owner": "Ada", "balance": 0}""", bank.get("accounts/huge-1"));
    }

    @Test
    void aBodyOverTheSizeLimitIsRefusedDeclaredOrChunked() throws Exception {
        String digits = "9".repeat(10 * 1024 * 1024);

        String tooLarge = """
                {"error": "BANK006",
                 "message": "BANK006: The request body is larger than the 16384 bytes this bank accepts"}""";

        assertAnswer(413, tooLarge, bank.post("accounts/nobody/deposits", "{\"amount\": " + digits + "}"));
        assertAnswer(413, tooLarge, bank.postChunked("accounts/nobody/deposits", "{\"amount\": " + digits + "}"));
    }

    @Test
    void requestsTheResourcesDoNotTakeAreAnsweredInJsonToo() throws Exception {
        assertAnswer(415, """
                {"error": "BANK007",
                 "message": "BANK007: HTTP 415 Unsupported Media Type: POST accounts"}""",
                bank.raw("POST", "accounts", "text/plain", "application/json", "id=A"));
        assertAnswer(405, """
                {"error": "BANK007",
                 "message": "BANK007: HTTP 405 Method Not Allowed: DELETE accounts"}""",
                bank.raw("DELETE", "accounts", null, "application/json", null));
        assertAnswer(406, """
                {"error": "BANK007",
                 "message": "BANK007: HTTP 406 Not Acceptable: GET accounts"}""",
                bank.raw("GET", "accounts", null, "text/csv", null));
    }

    @Test
    void operatorsSeeTheProjectionsAndOnlyTheBanksTokenLetsThemAct() throws Exception {
        HttpResponse<String> list = bank.get("operator/projections");
        assertEquals(200, list.statusCode(), list::body);
        JsonObject views = json(list.body()).asJsonArray().stream().map(JsonValue::asJsonObject)
                .filter(p -> p.getString("name").equals("account-views")).findFirst().orElseThrow();
        assertEquals("RUNNING", views.getString("state"));
        assertEquals(0, views.getInt("parked"));
        assertAnswer(200, "[]", bank.get("operator/projections/account-views/parked"));

        String skip = "{\"operator\": \"ops@bank.example\", \"reason\": \"cannot be applied\"}";
        String notAnOperator = """
                {"error": "BANK009",
                 "message": "BANK009: Operator actions need the header X-Operator-Token with the bank's operator token"}""";
        assertAnswer(403, notAnOperator, bank.postAsOperator("operator/projections/account-views/skip", skip, null));
        assertAnswer(403, notAnOperator, bank.postAsOperator("operator/projections/account-views/skip", skip,
                "guess"));
        assertAnswer(403, notAnOperator, bank.postAsOperator("operator/projections/account-views/retry", "{}",
                "guess"));

        assertAnswer(409, """
                {"error": "AF1163",
                 "message": "AF1163: Projection 'account-views' is RUNNING, not FAILED: only a failed projection has an event to skip"}""",
                bank.postAsOperator("operator/projections/account-views/skip", skip, OPERATOR_TOKEN));
        assertAnswer(400, """
                {"error": "AF1171",
                 "message": "AF1171: Skipping the event of projection 'account-views' needs the operator's name (up to 200 characters) and a reason, both not blank"}""",
                bank.postAsOperator("operator/projections/account-views/skip", "{\"reason\": \"x\"}",
                        OPERATOR_TOKEN));
        assertAnswer(404, """
                {"error": "AF1123",
                 "message": "AF1123: No projection is named 'ledger'; projections: account-views"}""",
                bank.postAsOperator("operator/projections/ledger/retry", "{}", OPERATOR_TOKEN));
        assertAnswer(200, """
                {"applied": [], "stillParked": []}""",
                bank.postAsOperator("operator/projections/account-views/retry", "{}", OPERATOR_TOKEN));
    }

    @Test
    void listsTheAccountsInTheOrderTheyWereOpened() throws Exception {
        bank.post("accounts", """
                {"id": "list-2", "owner": "Grace"}""");
        bank.post("accounts", """
                {"id": "list-1", "owner": "Alan"}""");
        bank.post("accounts/list-1/deposits", """
                {"amount": 7}""");

        HttpResponse<String> list = bank.get("accounts");

        assertEquals(200, list.statusCode());
        List<JsonValue> listed = json(list.body()).asJsonArray().stream()
                .filter(account -> account.asJsonObject().getString("id").startsWith("list-"))
                .toList();
        assertEquals(json("""
                [{"id": "list-2", "owner": "Grace", "balance": 0},
                 {"id": "list-1", "owner": "Alan", "balance": 7}]""").asJsonArray(), listed);
    }

    @Test
    void aTransferMovesTheMoney() throws Exception {
        openWith("move-1", "Ada", "100");
        openWith("move-2", "Grace", "0");

        HttpResponse<String> transfer = bank.post("transfers", """
                {"from": "move-1", "to": "move-2", "amount": 25}""");

        assertTransfer(200, """
                {"from": "move-1", "to": "move-2", "amount": 25, "outcome": "COMPLETED"}""", transfer);
        assertAnswer(200, """
                {"id": "move-1", "owner": "Ada", "balance": 75}""", bank.get("accounts/move-1"));
        assertAnswer(200, """
                {"id": "move-2", "owner": "Grace", "balance": 25}""", bank.get("accounts/move-2"));
    }

    @Test
    void aTransferTheSourceCannotCoverIsUndoneAndChangesNoBalance() throws Exception {
        openWith("short-1", "Ada", "10");
        openWith("short-2", "Grace", "5");

        assertTransfer(409, """
                {"error": "BANK004",
                 "message": "BANK004: The transfer of 10.01 from short-1 to short-2 was undone: insufficient funds",
                 "reason": "insufficient funds",
                 "transfer": {"from": "short-1", "to": "short-2", "amount": 10.01, "outcome": "COMPENSATED"}}""",
                bank.post("transfers", """
                        {"from": "short-1", "to": "short-2", "amount": 10.01}"""));
        assertAnswer(200, """
                {"id": "short-1", "owner": "Ada", "balance": 10}""", bank.get("accounts/short-1"));
        assertAnswer(200, """
                {"id": "short-2", "owner": "Grace", "balance": 5}""", bank.get("accounts/short-2"));
    }

    @Test
    void aTransferToAnAccountThatDoesNotExistGivesTheMoneyBack() throws Exception {
        openWith("lost-1", "Ada", "100");

        assertTransfer(409, """
                {"error": "BANK004",
                 "message": "BANK004: The transfer of 30 from lost-1 to lost-9 was undone: no account lost-9",
                 "reason": "no account lost-9",
                 "transfer": {"from": "lost-1", "to": "lost-9", "amount": 30, "outcome": "COMPENSATED"}}""",
                bank.post("transfers", """
                        {"from": "lost-1", "to": "lost-9", "amount": 30}"""));
        assertAnswer(200, """
                {"id": "lost-1", "owner": "Ada", "balance": 100}""", bank.get("accounts/lost-1"));
        assertAnswer(404, """
                {"error": "BANK001", "message": "BANK001: No account lost-9"}""", bank.get("accounts/lost-9"));
    }

    @Test
    void aTransferFromAnAccountThatDoesNotExistIsUndone() throws Exception {
        openWith("nowhere-2", "Grace", "0");

        assertTransfer(409, """
                {"error": "BANK004",
                 "message": "BANK004: The transfer of 5 from nowhere-1 to nowhere-2 was undone: no account nowhere-1",
                 "reason": "no account nowhere-1",
                 "transfer": {"from": "nowhere-1", "to": "nowhere-2", "amount": 5, "outcome": "COMPENSATED"}}""",
                bank.post("transfers", """
                        {"from": "nowhere-1", "to": "nowhere-2", "amount": 5}"""));
        assertAnswer(200, """
                {"id": "nowhere-2", "owner": "Grace", "balance": 0}""", bank.get("accounts/nowhere-2"));
    }

    @Test
    void anInvalidTransferIsABadRequestListingEveryViolation() throws Exception {
        assertAnswer(400, """
                {"error": "AF1103",
                 "message": "AF1103: dev.allframe.sample.bank.Transfer is invalid: amount: must be greater than 0; to: must not be null",
                 "violations": [{"path": "amount", "message": "must be greater than 0"},
                                {"path": "to", "message": "must not be null"}]}""",
                bank.post("transfers", """
                        {"from": "A-1", "amount": -5}"""));
    }

    @Test
    void theBankRunsOnTheJpaStore() throws Exception {
        assertTrue(ServerLog.sinceStart().newText()
                        .contains(" started with 3 command handlers, 2 query handlers, 1 projection, 1 saga and the jpa event store"),
                "the sample's AF1200 line names the transfer saga and the jpa event store");
    }

    private void openWith(String id, String owner, String balance) throws Exception {
        assertEquals(201, bank.post("accounts", "{\"id\": \"" + id + "\", \"owner\": \"" + owner + "\"}").statusCode());
        if (new BigDecimal(balance).signum() > 0) {
            assertEquals(200, bank.post("accounts/" + id + "/deposits", "{\"amount\": " + balance + "}").statusCode());
        }
    }

    /** The answer without the transfer's id, which is the saga's and new each time; the id must be a UUID. */
    private static void assertTransfer(int status, String expectedJson, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), () -> "Unexpected status; body: " + response.body());
        assertEquals(List.of("application/json"), response.headers().allValues("Content-Type"));
        JsonObject body = json(response.body()).asJsonObject();
        JsonObject transfer = body.containsKey("transfer") ? body.getJsonObject("transfer") : body;
        UUID.fromString(transfer.getString("id"));
        JsonObject withoutId = Json.createObjectBuilder(transfer).remove("id").build();
        JsonValue actual = body == transfer ? withoutId : Json.createObjectBuilder(body).add("transfer", withoutId).build();
        assertEquals(json(expectedJson), actual);
    }

    private static void assertAnswer(int status, String expectedJson, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), () -> "Unexpected status; body: " + response.body());
        assertEquals(List.of("application/json"), response.headers().allValues("Content-Type"));
        assertEquals(json(expectedJson), json(response.body()));
    }
}
