package org.ecabinet.signing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of a request that signs on the caller's behalf: the PIN that unlocks the caller's key once. */
public record SigningPin(@NotBlank @Size(min = 6, max = 32) String pin) {

    public char[] chars() {
        return pin.toCharArray();
    }
}
