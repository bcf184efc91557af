import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.FieldInfo;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.RecordComponentInfo;
import org.jboss.jandex.Type;

/**
 * Checks a service's native-image configuration as Quarkus generates it with -Dquarkus.native.sources-only=true
 * (deploy/check native): without GraalVM this is the part of a native build that can be verified.
 *
 * <ul>
 * <li>every picocli command, option holder and type converter of the ops CLI (the service's and ops-cli's classes) is
 * registered for reflection with its fields and methods: picocli reads them reflectively at run time;
 * <li>every JSON type is registered: the request and response bodies of the REST resources, the records the CLI
 * commands print with --json (the records a command class refers to), and the records and enums they are made of;
 * <li>native-image.args gives up no check: no --report-unsupported-elements-at-runtime, no --allow-incomplete-classpath.
 * </ul>
 *
 * Known gaps (known-gaps.txt next to this file: one "service type" line each, owned by the service) are reported but
 * do not fail; a listed gap that is registered now fails, so the list only shrinks.
 *
 * Usage: java -cp jandex.jar NativeRegistrationCheck.java KNOWN_GAPS OPS_CLI_CLASSES SERVICE_DIR... Exit 1 on any
 * finding that is not a known gap.
 */
public class NativeRegistrationCheck {

    static final String PROJECT = "io.polystore.";
    static final DotName COMMAND = DotName.createSimple("picocli.CommandLine$Command");
    static final List<DotName> PICOCLI_MEMBERS = Stream.of("Option", "Parameters", "Mixin", "ArgGroup", "Spec",
            "ParentCommand").map(n -> DotName.createSimple("picocli.CommandLine$" + n)).toList();
    static final DotName CONVERTER = DotName.createSimple("picocli.CommandLine$ITypeConverter");
    static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    static final Set<String> FORBIDDEN_ARGS = Set.of("--report-unsupported-elements-at-runtime",
            "--allow-incomplete-classpath");

    public static void main(String[] args) throws IOException {
        Set<String> knownGaps = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                knownGaps.add(line.trim().replaceAll("\\s+", " "));
            }
        }
        Path opsCli = Path.of(args[1]);
        int failures = 0;
        for (int i = 2; i < args.length; i++) {
            failures += check(Path.of(args[i]), opsCli, knownGaps);
        }
        System.out.println("native registration: " + (args.length - 2 - failures) + " passed, " + failures + " failed");
        System.exit(failures == 0 ? 0 : 1);
    }

    static int check(Path service, Path opsCli, Set<String> knownGaps) throws IOException {
        String name = service.getFileName().toString();
        Path sources = service.resolve("target/native-sources");
        List<String> problems = new ArrayList<>();
        if (!Files.exists(sources.resolve("native-image.args"))) {
            System.out.println("FAIL " + name + ": no " + sources + " (build it with -Pnative -Dquarkus.native.sources-only=true)");
            return 1;
        }
        String nativeArgs = Files.readString(sources.resolve("native-image.args"));
        for (String forbidden : FORBIDDEN_ARGS) {
            if (nativeArgs.contains(forbidden)) {
                problems.add("native-image.args carries " + forbidden);
            }
        }
        Map<String, Map<String, Object>> registered = reflectConfig(sources);
        Index index = index(List.of(service.resolve("target/classes"), opsCli));

        Set<String> picocli = new TreeSet<>();
        index.getAnnotations(COMMAND).forEach(a -> picocli.add(a.target().asClass().name().toString()));
        for (DotName member : PICOCLI_MEMBERS) {
            index.getAnnotations(member).forEach(a -> picocli.add(owner(a.target()).name().toString()));
        }
        index.getAllKnownImplementors(CONVERTER).forEach(c -> picocli.add(c.name().toString()));

        Set<String> json = new TreeSet<>();
        for (var path : index.getAnnotations(PATH)) {
            ClassInfo resource = owner(path.target());
            for (MethodInfo method : resource.methods()) {
                if (method.annotations().stream().noneMatch(a -> a.name().packagePrefix().equals("jakarta.ws.rs")
                        && HTTP_METHODS.contains(a.name().local()))) {
                    continue;
                }
                addProjectTypes(method.returnType(), index, json);
                for (int p = 0; p < method.parametersCount(); p++) {
                    int position = p;
                    boolean body = method.annotations().stream()
                            .filter(a -> a.target().kind() == AnnotationTarget.Kind.METHOD_PARAMETER)
                            .noneMatch(a -> a.target().asMethodParameter().position() == position);
                    if (body) {
                        addProjectTypes(method.parameterType(p), index, json);
                    }
                }
            }
        }
        for (String command : picocli) {
            ClassInfo info = index.getClassByName(command);
            if (info != null && !command.startsWith("io.polystore.ops.")) {
                for (String referenced : classReferences(service.resolve("target/classes"), command)) {
                    ClassInfo type = index.getClassByName(referenced);
                    if (type != null && type.isRecord()) {
                        addProjectTypes(Type.create(type.name(), Type.Kind.CLASS), index, json);
                    }
                }
            }
        }

        for (String type : picocli) {
            Map<String, Object> entry = registered.get(type);
            if (entry == null || !(Boolean.TRUE.equals(entry.get("allDeclaredFields")) || entry.containsKey("fields"))) {
                problems.add("picocli class " + type + " is not registered with its fields");
            }
        }
        List<String> known = new ArrayList<>();
        for (String type : json) {
            boolean listed = knownGaps.contains(name + " " + type);
            if (!registered.containsKey(type)) {
                (listed ? known : problems).add("JSON type " + type + " is not registered for reflection");
            } else if (listed) {
                problems.add(type + " is registered now: remove it from known-gaps.txt");
            }
        }
        if (picocli.isEmpty()) {
            problems.add("no picocli command found: the ops CLI's classes were not indexed");
        }
        String summary = name + ": " + picocli.size() + " picocli classes, " + json.size() + " JSON types, "
                + registered.size() + " reflection entries";
        known.forEach(k -> System.out.println("     known gap (known-gaps.txt): " + k));
        if (problems.isEmpty()) {
            System.out.println("ok   " + summary + (known.isEmpty() ? "" : ", " + known.size() + " known gaps"));
            return 0;
        }
        System.out.println("FAIL " + summary);
        problems.forEach(p -> System.out.println("     " + p));
        return 1;
    }

    /** The project's own types in a (generic) type, and the records' components and enums they are made of. */
    static void addProjectTypes(Type type, Index index, Set<String> found) {
        switch (type.kind()) {
            case PARAMETERIZED_TYPE -> {
                addProjectTypes(Type.create(type.name(), Type.Kind.CLASS), index, found);
                type.asParameterizedType().arguments().forEach(t -> addProjectTypes(t, index, found));
            }
            case ARRAY -> addProjectTypes(type.asArrayType().constituent(), index, found);
            case WILDCARD_TYPE -> addProjectTypes(type.asWildcardType().extendsBound(), index, found);
            case CLASS -> {
                String name = type.name().toString();
                ClassInfo info = index.getClassByName(type.name());
                if (!name.startsWith(PROJECT) || info == null || !found.add(name)) {
                    return;
                }
                if (info.isRecord()) {
                    for (RecordComponentInfo component : info.recordComponents()) {
                        addProjectTypes(component.type(), index, found);
                    }
                } else if (!info.isEnum()) {
                    for (FieldInfo field : info.fields()) {
                        if (!java.lang.reflect.Modifier.isStatic(field.flags())) {
                            addProjectTypes(field.type(), index, found);
                        }
                    }
                }
            }
            default -> {
            }
        }
    }

    static ClassInfo owner(AnnotationTarget target) {
        return switch (target.kind()) {
            case CLASS -> target.asClass();
            case FIELD -> target.asField().declaringClass();
            case METHOD -> target.asMethod().declaringClass();
            case METHOD_PARAMETER -> target.asMethodParameter().method().declaringClass();
            default -> throw new IllegalStateException("unexpected target " + target);
        };
    }

    static Index index(List<Path> roots) throws IOException {
        Indexer indexer = new Indexer();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    try (InputStream in = Files.newInputStream(file)) {
                        indexer.index(in);
                    }
                }
            }
        }
        return indexer.complete();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> reflectConfig(Path sources) throws IOException {
        Path runner;
        try (Stream<Path> files = Files.list(sources)) {
            runner = files.filter(f -> f.toString().endsWith("-runner.jar")).findFirst()
                    .orElseThrow(() -> new IOException("no *-runner.jar in " + sources));
        }
        try (ZipFile jar = new ZipFile(runner.toFile())) {
            String text = new String(jar.getInputStream(jar.getEntry("META-INF/native-image/reflect-config.json"))
                    .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            Map<String, Map<String, Object>> entries = new java.util.HashMap<>();
            for (Object entry : (List<Object>) new Json(text).value()) {
                Map<String, Object> object = (Map<String, Object>) entry;
                entries.put((String) object.get("name"), object);
            }
            return entries;
        }
    }

    /** Just enough JSON for reflect-config.json: objects, arrays, strings, true/false/null, numbers. */
    static final class Json {
        private final String text;
        private int at;

        Json(String text) {
            this.text = text;
        }

        Object value() {
            skip();
            char c = text.charAt(at);
            if (c == '{') {
                Map<String, Object> object = new java.util.LinkedHashMap<>();
                at++;
                skip();
                while (text.charAt(at) != '}') {
                    String key = (String) value();
                    skip();
                    at++; // ':'
                    object.put(key, value());
                    skip();
                    if (text.charAt(at) == ',') {
                        at++;
                        skip();
                    }
                }
                at++;
                return object;
            }
            if (c == '[') {
                List<Object> array = new ArrayList<>();
                at++;
                skip();
                while (text.charAt(at) != ']') {
                    array.add(value());
                    skip();
                    if (text.charAt(at) == ',') {
                        at++;
                        skip();
                    }
                }
                at++;
                return array;
            }
            if (c == '"') {
                StringBuilder out = new StringBuilder();
                for (at++; text.charAt(at) != '"'; at++) {
                    char ch = text.charAt(at);
                    if (ch == '\\') {
                        char escaped = text.charAt(++at);
                        if (escaped == 'u') {
                            out.append((char) Integer.parseInt(text.substring(at + 1, at + 5), 16));
                            at += 4;
                        } else {
                            out.append(switch (escaped) {
                                case 'n' -> '\n';
                                case 't' -> '\t';
                                case 'r' -> '\r';
                                case 'b' -> '\b';
                                case 'f' -> '\f';
                                default -> escaped;
                            });
                        }
                    } else {
                        out.append(ch);
                    }
                }
                at++;
                return out.toString();
            }
            int start = at;
            while (at < text.length() && ",}] \n\r\t".indexOf(text.charAt(at)) < 0) {
                at++;
            }
            String word = text.substring(start, at);
            return switch (word) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                case "null" -> null;
                default -> Double.valueOf(word);
            };
        }

        private void skip() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }

    /** The classes a class file names in its constant pool (what its code casts to, creates, calls). */
    static Set<String> classReferences(Path classes, String className) throws IOException {
        byte[] bytes = Files.readAllBytes(classes.resolve(className.replace('.', '/') + ".class"));
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        in.skipBytes(8); // magic, minor, major
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNameIndex = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classNameIndex[i] = in.readUnsignedShort();
                case 8, 16, 19, 20 -> in.skipBytes(2);
                case 15 -> in.skipBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 5, 6 -> {
                    in.skipBytes(8);
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " in " + className);
            }
        }
        Set<String> names = new TreeSet<>();
        for (int i = 1; i < count; i++) {
            if (classNameIndex[i] != 0) {
                names.add(utf8[classNameIndex[i]].replace('/', '.'));
            }
        }
        return names;
    }
}
