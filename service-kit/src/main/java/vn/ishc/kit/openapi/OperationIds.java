package vn.ishc.kit.openapi;

/**
 * Operation ids from SmallRye's {@code CLASS_METHOD} strategy ({@code ClubResource_register}) as a
 * generated client would name them ({@code clubRegister}): unique in a service, stable as long as
 * the Java method keeps its name.
 */
final class OperationIds {

    private OperationIds() {
    }

    static String of(String classAndMethod) {
        if (classAndMethod == null || !classAndMethod.contains("_")) {
            return classAndMethod;
        }
        String type = classAndMethod.substring(0, classAndMethod.indexOf('_')).replaceFirst("Resource$", "");
        String method = classAndMethod.substring(classAndMethod.indexOf('_') + 1);
        return Character.toLowerCase(type.charAt(0)) + type.substring(1) + Character.toUpperCase(method.charAt(0)) + method.substring(1);
    }
}
