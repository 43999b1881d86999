package vn.ishc.kit.imports.table;

import vn.ishc.kit.text.SearchText;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words a column accepts for each value, compared without diacritics, case or spaces ("Cận nghèo",
 * "can ngheo", "CANNGHEO" are one label). Each service builds its own: the kit knows no domain words.
 *
 * <pre>{@code
 * Labels<Gender> genders = Labels.<Gender>builder()
 *         .add(Gender.FEMALE, "Nữ", "F", "FEMALE")
 *         .add(Gender.MALE, "Nam", "M", "MALE")
 *         .build();
 * }</pre>
 */
public final class Labels<T> {

    private final Map<String, T> byKey;
    private final String accepted;

    private Labels(Map<String, T> byKey, String accepted) {
        this.byKey = Map.copyOf(byKey);
        this.accepted = accepted;
    }

    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /** The value the cell names; null for a blank cell; a problem naming the accepted labels otherwise. */
    public T find(Cell cell) {
        if (!CellValues.present(cell)) {
            return null;
        }
        String text = CellValues.cleaned(cell);
        T value = byKey.get(key(text));
        if (value == null) {
            throw new CellProblem("imports.value.label.unknown", text, accepted);
        }
        return value;
    }

    /** The first label of each value, as a message shows them: "Nữ, Nam". */
    public String accepted() {
        return accepted;
    }

    static String key(String label) {
        return SearchText.fold(label).replaceAll("[\\s_-]", "");
    }

    public static final class Builder<T> {
        private final Map<String, T> byKey = new HashMap<>();
        private final List<String> shown = new ArrayList<>();

        private Builder() {
        }

        /** The value and the labels that name it; the first label is the one shown in messages. */
        public Builder<T> add(T value, String... labels) {
            if (labels.length == 0) {
                throw new IllegalArgumentException("a value needs at least one label: " + value);
            }
            for (String label : labels) {
                T earlier = byKey.putIfAbsent(key(label), value);
                if (earlier != null && !earlier.equals(value)) {
                    throw new IllegalArgumentException("label " + label + " names both " + earlier + " and " + value);
                }
            }
            shown.add(labels[0]);
            return this;
        }

        public Labels<T> build() {
            return new Labels<>(byKey, String.join(", ", shown));
        }
    }
}
