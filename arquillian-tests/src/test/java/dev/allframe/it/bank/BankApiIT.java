package dev.allframe.it.bank;

import static dev.allframe.it.bank.BankClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.allframe.it.Deployments;
import dev.allframe.it.ServerLog;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
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
    void aBodyThatIsNotJsonIsABadRequest() throws Exception {
        HttpResponse<String> response = bank.post("accounts/nobody/deposits", "{\"amount\": ");

        assertEquals(400, response.statusCode());
        JsonObject body = json(response.body()).asJsonObject();
        assertEquals("BANK002", body.getString("error"));
        assertTrue(body.getString("message").startsWith("BANK002: The request body is not the JSON this resource expects: "),
                body.getString("message"));
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
    void theBankRunsOnTheJpaStore() throws Exception {
        assertTrue(ServerLog.sinceStart().newText()
                        .contains(" started with 3 command handlers, 2 query handlers, 1 projection, 0 sagas and the jpa event store"),
                "the sample's AF1200 line names the jpa event store");
    }

    private static void assertAnswer(int status, String expectedJson, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), () -> "Unexpected status; body: " + response.body());
        assertEquals(List.of("application/json"), response.headers().allValues("Content-Type"));
        assertEquals(json(expectedJson), json(response.body()));
    }
}
