# Build and run Stuurwiel; docker-compose.yml starts it with PostgreSQL.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 stuurwiel
WORKDIR /app
COPY --from=build /src/target/stuurwiel-*.jar /app/stuurwiel.jar
USER stuurwiel
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/stuurwiel.jar"]
