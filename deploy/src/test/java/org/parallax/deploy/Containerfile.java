package org.parallax.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** deploy/Containerfile as a list of instructions, continuation lines joined and comments dropped. */
record Containerfile(List<String> instructions) {

    private static final Pattern ARG = Pattern.compile("ARG\\s+(\\w+)=(\\S+)");

    static Containerfile load() {
        return parse(DeployFiles.read(DeployFiles.DEPLOY.resolve("Containerfile")));
    }

    static Containerfile parse(String text) {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                current.setLength(current.toString().stripTrailing().length());
                current.append(' ');
                continue;
            }
            current.append(trimmed);
            if (!current.toString().isBlank()) {
                instructions.add(current.toString().strip());
            }
            current.setLength(0);
        }
        return new Containerfile(List.copyOf(instructions));
    }

    List<String> all(String keyword) {
        return instructions.stream().filter(i -> i.startsWith(keyword + " ")).toList();
    }

    String argDefault(String name) {
        for (String arg : all("ARG")) {
            Matcher m = ARG.matcher(arg);
            if (m.matches() && m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        throw new IllegalArgumentException("Containerfile has no ARG " + name + " with a default");
    }

    int exposedPort() {
        List<String> exposed = all("EXPOSE");
        if (exposed.size() != 1) {
            throw new IllegalArgumentException("Containerfile should EXPOSE one port, has " + exposed);
        }
        return Integer.parseInt(exposed.get(0).substring("EXPOSE ".length()).replace("/tcp", "").strip());
    }
}
