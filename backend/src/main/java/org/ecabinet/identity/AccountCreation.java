package org.ecabinet.identity;

import java.util.List;

import org.ecabinet.identity.account.AccountCommands.CreateAccount;
import org.ecabinet.platform.CommandSender;
import org.springframework.stereotype.Component;

/** Accounts the system creates on its own (the first administrator, the demo directory, earlier versions' users), by the same event as an administrator's. */
@Component
public class AccountCreation {

    private final CommandSender commands;
    private final PasswordChanges passwords;
    private final Users users;

    AccountCreation(CommandSender commands, PasswordChanges passwords, Users users) {
        this.commands = commands;
        this.passwords = passwords;
        this.users = users;
    }

    /** {@code process} names who created it in the audit trail ({@code system:<process>}). */
    public void create(CabinetUser user, String process) {
        commands.sendAsSystem(new CreateAccount(user.id(), user.displayName(), user.title(), user.roles().stream().sorted().toList(), user.organisationCode(),
                user.rank(), user.email(), user.demo()), process);
        passwords.initial(user.id(), user.passwordHash(), user.mustChangePassword());
    }

    public void awaitVisible(CabinetUser user) {
        users.requireVersion(user.id(), 0);
    }
}
