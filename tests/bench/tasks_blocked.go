// Blocked tasks: the same work as tasks_blocked.pyro.
package main

import "fmt"

func waitFor(gate <-chan int, done chan<- int) {
	done <- (<-gate) + 1
}

func main() {
	gate := make(chan int)
	done := make(chan int, 1024)
	for i := 0; i < 100000; i++ {
		go waitFor(gate, done)
	}
	total := 0
	for i := 0; i < 100000; i++ {
		gate <- i
		if i%1024 == 1023 {
			for j := 0; j < 1024; j++ {
				total += <-done
			}
		}
	}
	for j := 0; j < 100000%1024; j++ {
		total += <-done
	}
	fmt.Println(total)
}
