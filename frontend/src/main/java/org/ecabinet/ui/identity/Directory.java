package org.ecabinet.ui.identity;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.ecabinet.ui.BackendApi;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

/** Who is who: names and titles from the backend's directory, to show people rather than ids. */
@Component
public class Directory {

    public record Person(String id, String displayName, String title) {
        public String label() {
            return title == null || title.isBlank() ? displayName : title + " (" + displayName + ")";
        }
    }

    private final BackendApi api;

    Directory(BackendApi api) {
        this.api = api;
    }

    public Map<String, Person> people(String token) {
        List<Person> people = api.as(token).get().uri("/api/directory").retrieve()
                .bodyToMono(new ParameterizedTypeReference<List<Person>>() {
                }).block(java.time.Duration.ofSeconds(30));
        return people.stream().collect(Collectors.toMap(Person::id, Function.identity()));
    }
}
