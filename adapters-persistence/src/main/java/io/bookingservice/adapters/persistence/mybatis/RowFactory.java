package io.bookingservice.adapters.persistence.mybatis;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.reflection.ReflectionException;
import org.apache.ibatis.reflection.factory.DefaultObjectFactory;

/**
 * Builds the row records with a constructor looked up once and made accessible once.
 *
 * <p>MyBatis's {@link DefaultObjectFactory} looks the constructor up again for every row, and
 * for a class that is not public (the rows are package-private records, adapter internals) it
 * first calls it, catches the {@link IllegalAccessException}, makes it accessible and calls it
 * again. A profile of {@code GET /booking/{id}/} under load (async-profiler, {@code bench/http})
 * had those exceptions' stack traces at 6 % of the service's CPU, two per request.
 * Everything else (interfaces, collections, no-argument construction) stays MyBatis's.
 */
final class RowFactory extends DefaultObjectFactory {

    private static final long serialVersionUID = 1L;

    private record Signature(Class<?> type, List<Class<?>> parameterTypes) {
    }

    private final transient Map<Signature, Constructor<?>> constructors = new ConcurrentHashMap<>();

    @Override
    public <T> T create(Class<T> type, List<Class<?>> constructorArgTypes, List<Object> constructorArgs) {
        if (constructorArgTypes == null || constructorArgs == null || type.isInterface()) {
            return super.create(type, constructorArgTypes, constructorArgs);
        }
        Constructor<?> constructor = constructor(type, constructorArgTypes);
        try {
            return type.cast(constructor.newInstance(constructorArgs.toArray()));
        } catch (InvocationTargetException e) {
            throw new ReflectionException("Error instantiating " + type.getName() + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new ReflectionException("Error instantiating " + type.getName() + " with " + constructorArgTypes
                    + ": " + e, e);
        }
    }

    private Constructor<?> constructor(Class<?> type, List<Class<?>> parameterTypes) {
        Constructor<?> known = constructors.get(new Signature(type, parameterTypes));
        if (known != null) {
            return known;
        }
        try {
            Constructor<?> found = type.getDeclaredConstructor(parameterTypes.toArray(Class<?>[]::new));
            found.setAccessible(true);
            // A copy as the key: MyBatis's list is its own to change.
            constructors.putIfAbsent(new Signature(type, List.copyOf(parameterTypes)), found);
            return found;
        } catch (NoSuchMethodException e) {
            throw new ReflectionException("Error instantiating " + type.getName() + ": no constructor for "
                    + parameterTypes, e);
        }
    }
}
