package org.parallax.app.cli;

import java.io.Console;
import java.util.concurrent.Callable;
import org.parallax.core.user.Accounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Creates the first administrator (or promotes an account). There is no default password: it comes
 * from {@code PARALLAX_ADMIN_PASSWORD} or is typed at the prompt, never from the command line, where
 * it would end up in shell history and the process list.
 */
@Command(name = "create-admin", mixinStandardHelpOptions = true,
        description = "Create an administrator account (password from PARALLAX_ADMIN_PASSWORD or a prompt).")
public class CreateAdminCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "USERNAME")
    String username;

    private final Accounts accounts;

    public CreateAdminCommand(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Integer call() {
        String password = System.getenv("PARALLAX_ADMIN_PASSWORD");
        if (password == null || password.isEmpty()) {
            Console console = System.console();
            if (console == null) {
                System.err.println("Set PARALLAX_ADMIN_PASSWORD, or run this in a terminal to type the password.");
                return 2;
            }
            char[] first = console.readPassword("Password for %s: ", username);
            char[] again = console.readPassword("Again: ");
            if (first == null || again == null || !new String(first).equals(new String(again))) {
                System.err.println("The two passwords differ.");
                return 2;
            }
            password = new String(first);
        }
        try {
            accounts.createOrPromoteAdmin(username, password);
        } catch (Accounts.Rejected e) {
            System.err.println(e.getMessage());
            return 2;
        }
        System.out.println("Administrator '" + Accounts.normalizeUsername(username) + "' is ready.");
        return 0;
    }
}
